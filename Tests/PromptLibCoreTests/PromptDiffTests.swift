import PromptLibCore
import Testing

@Suite("Diffs")
struct PromptDiffTests {
    @Test("unified diffs merge nearby changes into one hunk and split distant ones")
    func unified() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj"
        let merged = UnifiedDiff.make(old: old, new: "a\nb\nC\nd\ne\nf\ng\nh\nj", oldName: "v1", newName: "v2")
        #expect(merged == "--- v1\n+++ v2\n@@ -1,10 +1,9 @@\n a\n b\n-c\n+C\n d\n e\n f\n g\n h\n-i\n j\n")
        let long = (1...30).map(String.init).joined(separator: "\n")
        let edited = long.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n29\n", with: "\n")
        let split = UnifiedDiff.make(old: long, new: edited, oldName: "a", newName: "b")
        #expect(split.components(separatedBy: "@@ -").count == 3)
        #expect(split.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"))
        #expect(split.contains("@@ -26,5 +26,4 @@\n 26\n 27\n 28\n-29\n 30\n"))
        #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b").isEmpty)
    }

    @Test("the structured diff names changed fields, variables, tags and model settings")
    func structured() throws {
        var old = PromptDocument(name: "d", title: "Old", tags: ["a", "b"], prompt: PromptBody(goal: "Hi {{x}}", steps: ["one"]),
                                 variables: [.init(name: "x"), .init(name: "gone")], model: ModelSettings(provider: "openai", temperature: 0.2))
        old.version = 1
        var new = old
        new.version = 2
        new.title = "New"
        new.tags = ["b", "c"]
        new.prompt.steps = ["one", "two"]
        new.variables = [.init(name: "x", required: true), .init(name: "added")]
        new.model?.temperature = 0.7
        let diff = try PromptDiff.compare(old, new)
        #expect(diff.changes.map(\.field) == ["model.temperature", "prompt.steps", "tags", "title", "variables"])
        #expect(diff.changes.first { $0.field == "title" }?.to == .string("New"))
        #expect(diff.variablesAdded == ["added"] && diff.variablesRemoved == ["gone"] && diff.variablesChanged == ["x"])
        #expect(diff.tagsAdded == ["c"] && diff.tagsRemoved == ["a"])
        #expect(diff.unified.contains("-title: Old\n+title: New\n"))
        #expect(try PromptDiff.compare(old, old).changes.isEmpty)
    }

    @Test("large documents diff in bounded time: a common head and tail are set aside, a huge middle is shown replaced")
    func boundedDiff() {
        let old = (0..<30_000).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 15000\n", with: "changed\n")
        let small = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b")
        #expect(small.split(separator: "\n").filter { $0.hasPrefix("-l") || $0.hasPrefix("+c") }.count == 2)
        let other = (0..<3_000).map { "other \($0)" }.joined(separator: "\n")
        let replaced = UnifiedDiff.make(old: String(old.prefix(40_000)), new: other, oldName: "a", newName: "b")
        #expect(replaced.split(separator: "\n").filter { $0.hasPrefix("+o") }.count == 3_000)
    }
}
