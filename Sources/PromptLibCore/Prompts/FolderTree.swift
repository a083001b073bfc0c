/// The folders that prompt names make (`a/b/c` lies in `a` and `a/b`), with how many prompts each holds.
public struct FolderNode: Sendable, Equatable, Encodable {
    /// The full folder path, such as `marketing/emails`.
    public var path: String
    /// The last segment.
    public var name: String
    /// Prompts in this folder and all folders below it.
    public var count: Int
    public var children: [FolderNode]

    /// The tree of every folder in `names`, each level sorted by name.
    public static func tree(of names: [String]) -> [FolderNode] {
        var counts: [String: Int] = [:]
        for name in names {
            let segments = name.split(separator: "/").dropLast()
            for depth in segments.indices {
                counts[segments[...depth].joined(separator: "/"), default: 0] += 1
            }
        }
        func children(of parent: String?) -> [FolderNode] {
            counts.keys.filter { path in
                guard let parent else { return !path.contains("/") }
                return path.hasPrefix(parent + "/") && !path.dropFirst(parent.count + 1).contains("/")
            }.sorted().map { path in
                FolderNode(path: path, name: String(path.split(separator: "/").last ?? ""), count: counts[path] ?? 0, children: children(of: path))
            }
        }
        return children(of: nil)
    }
}
