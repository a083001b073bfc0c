/// Placeholders people write by hand — `{topic}`, `[TOPIC]`, `<topic>`, `$topic` — that are not
/// Mustache variables and so reach the model as written.
enum Placeholders {
    /// Most placeholders read from one text: a prompt made of thousands of `[X]`s is not worth
    /// the time (each becomes a variable, and each is replaced in every text).
    static let maxPerText = 100
    /// Most `placeholder_not_variable` findings one analysis reports.
    static let maxFindings = 20

    struct Found: Equatable {
        /// As written, e.g. `[TOPIC]`.
        let literal: String
        /// The variable it should be, e.g. `topic`.
        let name: String
    }

    /// Every placeholder in `text`, first occurrence of each, in order.
    static func find(in text: String) -> [Found] {
        var found: [Found] = []
        var names: Set<String> = []
        let characters = Array(text)
        var index = 0
        while index < characters.count, found.count < maxPerText {
            let character = characters[index]
            let closer: Character? = switch character {
            case "{": "}"
            case "[": "]"
            case "<": ">"
            default: nil
            }
            if let closer {
                // `{{…}}` is Mustache; skip it whole.
                if character == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                    while index < characters.count, !(characters[index] == "}" && index + 1 < characters.count && characters[index + 1] == "}") { index += 1 }
                    index += 2
                    continue
                }
                var end = index + 1
                while end < characters.count, end - index <= 41, characters[end] != closer, characters[end] != "\n" { end += 1 }
                if end < characters.count, characters[end] == closer {
                    let inner = String(characters[(index + 1)..<end])
                    if let name = name(of: inner, bracket: character), names.insert(name).inserted {
                        found.append(Found(literal: "\(character)\(inner)\(closer)", name: name))
                    }
                }
            } else if character == "$", index + 1 < characters.count, characters[index + 1].isLetter {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                let inner = String(characters[(index + 1)..<end])
                if inner.contains("_") || inner == inner.uppercased(), inner.count >= 3, let name = name(of: inner, bracket: "$"),
                   names.insert(name).inserted {
                    found.append(Found(literal: "$\(inner)", name: name))
                }
            }
            index += 1
        }
        return found
    }

    /// The variable name a placeholder's inside makes, or `nil` when it is not one: one to four
    /// words of letters, digits and underscores. `[x]` checkboxes, `<br>` tags and `[1]` citations
    /// are not placeholders.
    static func name(of inner: String, bracket: Character) -> String? {
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard (1...4).contains(words.count), inner.count >= 3, inner.first?.isLetter == true,
              inner.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " || $0 == "-" }) else { return nil }
        let htmlTags: Set<String> = ["br", "div", "span", "p", "b", "i", "em", "strong", "code", "pre", "table", "tr", "td", "th", "ul", "ol", "li", "html", "body"]
        if bracket == "<" && htmlTags.contains(inner.lowercased()) { return nil }
        // A `[Link text]` or `<tag>` in prose is usually lower case: in square and angle brackets
        // only SHOUTING or snake_case counts, where people mark blanks to fill in.
        if bracket == "[" || bracket == "<" || bracket == "$" {
            let letters = inner.filter(\.isLetter)
            guard letters == letters.uppercased() || inner.contains("_") else { return nil }
        }
        let name = words.map { $0.lowercased() }.joined(separator: "_")
        guard name.first?.isLetter == true, name.count <= 64 else { return nil }
        return name
    }
}
