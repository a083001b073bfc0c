/// A quick token count for a render: about four characters a token, plus four tokens of framing a
/// message. Within some ten per cent for English on current tokenizers; for budgeting, not billing.
public enum TokenEstimate {
    public static func estimate(_ messages: [ChatMessage]) -> Int {
        messages.reduce(0) { total, message in total + 4 + (message.content.unicodeScalars.count + 3) / 4 }
    }
}
