/// The control tokens of chat formats — Llama 3's `<|eot_id|>`, ChatML's `<|im_start|>`, GPT's
/// `<|endoftext|>` (any `<|name|>`), Gemma's `<start_of_turn>`, Llama 2 and Mistral's `[INST]` and
/// `<<SYS>>` — which a model's template reads as turn boundaries. A variable's value holding one
/// could open a new turn of its own choosing (a system turn, say) inside a user message, so values
/// that hold one are refused; the prompt's own text may use them.
public enum ChatControlTokens {
    private static let literals = ["<start_of_turn>", "<end_of_turn>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>"]

    /// The first control token in `text`, or nil.
    public static func first(in text: String) -> String? {
        occurrences(in: text).first
    }

    /// The first control token in any string of `value`, its object keys included, or nil.
    public static func first(in value: JSONValue) -> String? {
        switch value {
        case .string(let text): first(in: text)
        case .array(let items): items.lazy.compactMap { first(in: $0) }.first
        case .object(let members): members.keys.sorted().lazy.compactMap { first(in: $0) ?? first(in: members[$0]!) }.first
        case .null, .bool, .number: nil
        }
    }

    /// A token that substitution made in `rendered` which its `template` does not hold: values that
    /// are harmless one by one can still join into a token (`<|eot_id` then `|>`), so the rendered
    /// text is checked against the template, token by token and count by count.
    public static func introduced(in rendered: String, template: String) -> String? {
        var allowed: [String: Int] = [:]
        for token in occurrences(in: template) { allowed[token, default: 0] += 1 }
        for token in occurrences(in: rendered) {
            guard let left = allowed[token], left > 0 else { return token }
            allowed[token] = left - 1
        }
        return nil
    }

    /// Every control token in `text`, in the order they stand: one pass over the UTF-8 bytes, and
    /// none past a check for `<` and `[` (every token starts with one), since every render runs this.
    static func occurrences(in text: String) -> [String] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return scan(Array(text.utf8))
    }

    private static let literalBytes: [[UInt8]] = literals.map { Array($0.utf8) }

    private static func scan<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8, Bytes.Index == Int {
        var found: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") else { index += 1; continue }
            if byte == UInt8(ascii: "<"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "|"), let end = angleTokenEnd(bytes, from: index) {
                found.append(String(decoding: bytes[index..<end], as: UTF8.self))
                index = end
                continue
            }
            if let literal = literalBytes.first(where: { bytes[index...].starts(with: $0) }) {
                found.append(String(decoding: literal, as: UTF8.self))
                index += literal.count
                continue
            }
            index += 1
        }
        return found
    }

    /// The end of `<|` 1–64 of `[A-Za-z0-9_.-]` `|>` starting at `start`, or nil.
    private static func angleTokenEnd<Bytes: RandomAccessCollection>(_ bytes: Bytes, from start: Int) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int {
        var end = start + 2
        while end < bytes.endIndex, end - start - 2 <= 64, isNameByte(bytes[end]) { end += 1 }
        let length = end - start - 2
        guard length >= 1, length <= 64, end + 1 < bytes.endIndex, bytes[end] == UInt8(ascii: "|"), bytes[end + 1] == UInt8(ascii: ">") else { return nil }
        return end + 2
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2E || byte == 0x2D
    }
}
