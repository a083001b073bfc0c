import Foundation
import HummingbirdCore
import PromptLibCore
@testable import PromptLibServer
import Testing

/// The byte-level percent-decoding on every request decodes exactly as Foundation does.
@Suite("Percent-decoding")
struct PercentDecodingTests {
    @Test("the same result as removingPercentEncoding, on fixed and generated inputs")
    func sameAsFoundation() {
        var inputs = ["", "plain", "a%20b", "%7e%7E", "%", "%2", "%zz", "100%", "%C3%A9t%C3%A9", "%C3", "%FF%FE", "a+b", "%2B", "ü%20ö",
                      "%00", "%e2%80%a8", "pls%5F", "%%41"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("%+aZ09éü/ 2Fe8C3A")
        for _ in 0..<2_000 {
            inputs.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for input in inputs {
            let ours = PercentDecoding.decode(Substring(input), plusIsSpace: false).map(String.init)
            let foundation = input.removingPercentEncoding
            // Foundation sometimes repairs bytes that are not UTF-8 into U+FFFD; we refuse them
            // (the text is then kept as written), never decode them to something else.
            let repaired = ours == nil && foundation?.contains("\u{FFFD}") == true && !input.contains("\u{FFFD}")
            #expect(ours == foundation || repaired, "\(input)")
        }
    }

    @Test("query parameters: + is a space, names are decoded too, and bad encoding is kept as written")
    func formParameters() {
        let uri = URI("/x?q=Rake+and+Hoe&na%6De=v%C3%A9&bad=50%&sp=a%2Bb")
        let parameters = uri.formParameters
        #expect(parameters["q"] == "Rake and Hoe")
        #expect(parameters["name"] == "vé")
        #expect(parameters["bad"] == "50%")
        #expect(parameters["sp"] == "a+b")
    }

    @Test("the quick scan for control characters misses none that decoding finds, and passes ordinary paths")
    func controlScan() {
        var inputs = ["/api/v1/prompts/by-name/team%2Fgreeting", "a%00b", "%1f", "%1F", "%%01", "%0", "%1", "%7F", "%20", "%C3%A9", "x\u{1}y", "tab\tok"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("%01fFaA9/+é\u{0}\u{1f}\t")
        for _ in 0..<5_000 {
            inputs.append(String((0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for input in inputs {
            let decoded = String(PercentDecoding.decode(Substring(input), plusIsSpace: false) ?? Substring(input))
            if ControlCharacters.problem(in: decoded) != nil || ControlCharacters.problem(in: input) != nil {
                #expect(CanonicalRequest.mayHoldControl(input), "\(input)")
            }
        }
        #expect(!CanonicalRequest.mayHoldControl("/api/v1/prompts/by-name/team%2Fgreeting"))
        #expect(!CanonicalRequest.mayHoldControl("label=production&q=caf%C3%A9+au+lait"))
    }
}
