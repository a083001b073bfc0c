import Foundation
import HummingbirdCore
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
}
