import Foundation

/// Finds the members of a JSON body that a type never reads: typos such as `descripton`, which a
/// Swift decoder ignores silently. The type is decoded a second time by ``RecordingDecoder``, which
/// notes every key the type asks for (as a value, by `contains` or `decodeIfPresent`); any other
/// member is unknown. Free-form maps (`[String: JSONValue]`) read all their keys, so they never count.
public enum UnknownKeys {
    /// One member no field of the type reads.
    public struct Finding: Sendable, Equatable {
        /// Its path, such as `prompt.descripton` or `variables[1].kind`.
        public var field: String
        /// A known key of the same object within two edits, if any.
        public var suggestion: String?

        /// A sentence naming the field and, where there is one, the likely intended key.
        public var message: String {
            "\(field) is not a field of this body" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        }
    }

    /// At most this many findings: a body of 50,000 made-up keys gets a 400 quickly, not 50,000
    /// "did you mean" searches.
    static let maxFindings = 20
    /// Keys longer than this get no suggestion (the edit distance costs the product of the lengths).
    static let maxSuggestedLength = 64

    /// Members of `value` that decoding `type` never reads, in document order, at most
    /// ``maxFindings``; empty when the second decoding fails (the real decoder reports that failure).
    public static func find<T: Decodable>(_ type: T.Type, in value: JSONValue) -> [Finding] {
        let recorder = KeyRecorder()
        do {
            _ = try T(from: RecordingDecoder(value: value, path: "", recorder: recorder))
        } catch {
            return []
        }
        var findings: [Finding] = []
        walk(value, path: "", recorder: recorder, into: &findings)
        return findings
    }

    /// The first value of the wrong type for `type` in `value` — its path and what it must be — or
    /// nil. `JSONDecoder` reports some of these (a number out of an integer's range, `3.5` for an
    /// integer) as a body that is not JSON, naming no field.
    public static func typeProblem<T: Decodable>(_ type: T.Type, in value: JSONValue) -> (field: String, message: String)? {
        do {
            _ = try T(from: RecordingDecoder(value: value, path: "", recorder: KeyRecorder()))
            return nil
        } catch let mismatch as RecordingDecoder.Mismatch {
            return (mismatch.path, mismatch.message)
        } catch {
            return nil
        }
    }

    /// A key of the object at `path` (coding keys, as a decoding error gives them) within two edits
    /// of `missing` and not equal to it: the typo that left a required field missing.
    public static func typo(of missing: String, at path: [any CodingKey], in value: JSONValue) -> String? {
        var node = value
        for key in path {
            switch node {
            case .object(let members): guard let next = members[key.stringValue] else { return nil }; node = next
            case .array(let items): guard let index = key.intValue, items.indices.contains(index) else { return nil }; node = items[index]
            default: return nil
            }
        }
        guard case .object(let members) = node, missing.utf8.count <= maxSuggestedLength else { return nil }
        return members.keys.filter { $0 != missing && $0.utf8.count <= maxSuggestedLength }.sorted().first { close($0, missing) }
    }

    private static func walk(_ value: JSONValue, path: String, recorder: KeyRecorder, into findings: inout [Finding]) {
        switch value {
        case .object(let members):
            let read = recorder.read[path] ?? []
            for key in members.keys.sorted() where findings.count < maxFindings {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if read.contains(key) {
                    walk(members[key]!, path: child, recorder: recorder, into: &findings)
                } else {
                    let suggestion = key.utf8.count > maxSuggestedLength ? nil
                        : read.filter { members[$0] == nil }.sorted().first { close($0, key) }
                    findings.append(Finding(field: child, suggestion: suggestion))
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() where findings.count < maxFindings {
                walk(item, path: "\(path)[\(index)]", recorder: recorder, into: &findings)
            }
        case .null, .bool, .number, .string:
            break
        }
    }

    /// Whether two keys are within two edits (Levenshtein), for "did you mean".
    static func close(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.lowercased()), Array(b.lowercased()))
        guard abs(x.count - y.count) <= 2, !x.isEmpty, !y.isEmpty else { return false }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count] <= 2
    }
}

/// The keys read per object path during one decoding.
final class KeyRecorder {
    var read: [String: Set<String>] = [:]

    func note(_ key: String, at path: String) { read[path, default: []].insert(key) }
}
