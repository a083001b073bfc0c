import Foundation

/// Finds a key written twice in one JSON object. `JSONDecoder` keeps one of the two silently, so
/// `{"name": "a", "name": "b"}` would store a name the client may not have meant; YAML refuses
/// such a document, and JSON bodies are held to the same rule. One pass over the bytes of a body
/// that is already known to be valid JSON.
public enum DuplicateKeys {
    private enum Frame {
        case object(keys: Set<String>, current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    /// The path (`prompt.output`) of the first repeated key, or nil.
    public static func first(inJSON data: Data) -> String? {
        let bytes = [UInt8](data)
        var stack: [Frame] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                var escaped = false
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") { escaped = true; end += 1 }
                    end += 1
                }
                if case .object(var keys, _, true)? = stack.last {
                    let key = decodeKey(bytes[start..<min(end, bytes.count)], escaped: escaped)
                    if !keys.insert(key).inserted { return path(stack.dropLast(), key) }
                    stack[stack.count - 1] = .object(keys: keys, current: key, expectingKey: false)
                }
                index = end + 1
                continue
            case UInt8(ascii: "{"): stack.append(.object(keys: [], current: nil, expectingKey: true))
            case UInt8(ascii: "["): stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let keys, let current, _)?: stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                case .array(let position)?: stack[stack.count - 1] = .array(index: position + 1)
                case nil: break
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func decodeKey(_ raw: ArraySlice<UInt8>, escaped: Bool) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        guard escaped else { return text }
        return (try? JSONDecoder().decode(String.self, from: Data(("\"" + text + "\"").utf8))) ?? text
    }

    private static func path(_ frames: ArraySlice<Frame>, _ key: String) -> String {
        var out = ""
        for frame in frames {
            switch frame {
            case .object(_, let current, _): if let current { out += out.isEmpty ? current : ".\(current)" }
            case .array(let position): out += "[\(position)]"
            }
        }
        return out.isEmpty ? key : "\(out).\(key)"
    }
}
