@testable import PromptLibServer
import Testing

@Suite("Client address")
struct ClientAddressTests {
    @Test("X-Forwarded-For is believed only from a trusted proxy, and only its last untrusted hop", arguments: [
        ("203.0.113.9", "1.2.3.4", Set<String>(), "203.0.113.9"),
        ("10.0.0.2", "1.2.3.4", Set(["10.0.0.2"]), "1.2.3.4"),
        ("10.0.0.2", "6.6.6.6, 1.2.3.4", Set(["10.0.0.2"]), "1.2.3.4"),
        ("10.0.0.2", "1.2.3.4, 10.0.0.3", Set(["10.0.0.2", "10.0.0.3"]), "1.2.3.4"),
        ("10.0.0.2", nil, Set(["10.0.0.2"]), "10.0.0.2"),
    ])
    func resolve(peer: String, forwarded: String?, trusted: Set<String>, expected: String) {
        #expect(ClientAddress.resolve(peer: peer, forwardedFor: forwarded, trusted: trusted) == expected)
    }
}
