import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` through `/bin/bash`, which first closes every
/// descriptor past standard error that the child inherited, then runs the command. Not Foundation's
/// `Process`: on Linux its `run()` in this toolchain crashes the test process now and then (a
/// 256-byte over-read of `/proc/self/fd` entries; swift-corelibs-foundation#5472).
public final class ChildProcess: Sendable {
    /// The child's process id: the command's own, since bash `exec`s it.
    public let pid: pid_t

    /// Starts `command` (a path) with `arguments`, standard streams on `/dev/null`, in this process's
    /// environment with `environment` added.
    public init(_ command: String, arguments: [String], environment: [String: String] = [:]) throws {
        let closeInherited = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$0" "$@""#
        let argv = ["/bin/bash", "-c", closeInherited, command] + arguments
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var child: pid_t = 0
        let status = Self.withCStrings(argv) { argvPointers in
            Self.withCStrings(env) { envPointers in
                posix_spawn(&child, "/bin/bash", &actions, nil, argvPointers, envPointers)
            }
        }
        guard status == 0 else { throw TestSetupError("could not start \(command): error \(status)") }
        pid = child
    }

    /// Waits for the child to end; its exit status, or 128 plus the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
