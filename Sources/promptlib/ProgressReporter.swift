import Foundation

/// Progress of a long command on standard error: a bar redrawn in place on a terminal, plain lines
/// (at most one each tenth of the way) when output goes to a file or a pipe.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    private var lastPhase = ""
    private var lastTenth = -1
    private var drewBar = false
    /// The phase on screen and its total: when the next phase starts (or the command ends), its bar
    /// is drawn full, since a phase that reports only its start has still finished.
    private var lastTotal: Int?
    private var lastDone = 0

    func report(_ phase: String, _ done: Int, _ total: Int?) {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal {
            let line: String
            if let total, total > 0 {
                let width = 30
                let filled = min(width, done * width / total)
                line = "\r\(phase) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)"
            } else {
                line = "\r\(phase) \(done)"
            }
            if phase != lastPhase && drewBar {
                completeBar()
                write("\n")
            }
            write(line + "\u{1B}[K")
            drewBar = true
            lastTotal = total
            lastDone = done
        } else {
            let tenth = total.map { $0 > 0 ? done * 10 / $0 : 10 } ?? -1
            guard phase != lastPhase || tenth != lastTenth else { return }
            lastTenth = tenth
            write("\(phase): \(done)" + (total.map { "/\($0)" } ?? "") + "\n")
        }
        lastPhase = phase
    }

    /// Ends the bar's line, so what follows starts on a new one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drewBar {
            completeBar()
            write("\n")
        }
        drewBar = false
    }

    /// Redraws the bar on screen as done, when its phase ended before reporting its last step.
    private func completeBar() {
        guard let total = lastTotal, total > 0, lastDone < total else { return }
        write("\r\(lastPhase) [\(String(repeating: "#", count: 30))] \(total)/\(total)\u{1B}[K")
        lastDone = total
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
