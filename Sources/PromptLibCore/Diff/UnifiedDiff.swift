/// A line diff in the unified format (`@@ -a,b +c,d @@`, three lines of context), as `diff -u` prints.
public enum UnifiedDiff {
    /// The diff from `old` to `new`; empty when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        let changed = edits.indices.filter { edits[$0].kind != .same }
        // Changes separated by at most two contexts of unchanged lines share a hunk.
        var groups: [[Int]] = []
        for index in changed {
            if let last = groups.last?.last, index - last - 1 <= 2 * context {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        for group in groups {
            let hunk = edits[max(0, group[0] - context)..<min(edits.count, group[group.count - 1] + context + 1)]
            let oldLines = hunk.filter { $0.kind != .insert }, newLines = hunk.filter { $0.kind != .delete }
            let oldStart = (oldLines.first?.oldLine ?? hunk.first!.oldLine - 1) + 1
            let newStart = (newLines.first?.newLine ?? hunk.first!.newLine - 1) + 1
            out += "@@ -\(oldStart),\(oldLines.count) +\(newStart),\(newLines.count) @@\n"
            for edit in hunk {
                out += (edit.kind == .same ? " " : edit.kind == .delete ? "-" : "+") + edit.text + "\n"
            }
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        let oldLine: Int
        let newLine: Int
    }

    /// Cells of the LCS table past which the middle is shown as replaced whole: the table costs
    /// time and memory of lines × lines, and a request must not be able to ask for gigabytes.
    static let maxTableCells = 1_000_000

    /// The shortest edit script by longest common subsequence, after the common head and tail are
    /// set aside (so most diffs compare a few lines); a middle too large for the table is shown as
    /// deleted then inserted, still a correct diff, not a minimal one.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var edits = (0..<head).map { Edit(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        let middleA = Array(a[head..<(a.count - tail)]), middleB = Array(b[head..<(b.count - tail)])
        if middleA.count * middleB.count <= maxTableCells {
            edits += minimal(middleA, middleB).map { Edit(kind: $0.kind, text: $0.text, oldLine: $0.oldLine + head, newLine: $0.newLine + head) }
        } else {
            edits += middleA.indices.map { Edit(kind: .delete, text: middleA[$0], oldLine: head + $0, newLine: head) }
            edits += middleB.indices.map { Edit(kind: .insert, text: middleB[$0], oldLine: head + middleA.count, newLine: head + $0) }
        }
        edits += (0..<tail).map { Edit(kind: .same, text: a[a.count - tail + $0], oldLine: a.count - tail + $0, newLine: b.count - tail + $0) }
        return edits
    }

    private static func minimal(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                // Deletions before insertions, as `diff -u` prints a replaced line.
                edits.append(Edit(kind: .delete, text: a[i], oldLine: i, newLine: j)); i += 1
            } else {
                edits.append(Edit(kind: .insert, text: b[j], oldLine: i, newLine: j)); j += 1
            }
        }
        return edits
    }
}
