@testable import PromptLibServer
import Testing

/// Where webhooks may connect, decided on addresses: special ranges refused in every spelling,
/// the operator's allow-list honoured, and a resolved name pinned to an address that passed.
@Suite("Webhook address policy")
struct OutboundAddressPolicyTests {
    @Test("private, loopback, link-local and special addresses are refused, in IPv4, IPv6 and IPv6 forms that carry IPv4")
    func refused() throws {
        let policy = OutboundAddressPolicy()
        for text in ["127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                     "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd12:3456::1", "ff02::1",
                     "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:db8::1",
                     "::127.0.0.1", "::ffff:0:127.0.0.1", "64:ff9b:1::1"] {
            let address = try #require(IPAddress(text), "\(text) parses")
            #expect(policy.refusal(address) != nil, "\(text) must be refused")
        }
        for text in ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"] {
            #expect(policy.refusal(try #require(IPAddress(text))) == nil, "\(text) is public")
        }
    }

    @Test("only strict address spellings parse: no octal, no shortened forms, no zones")
    func strictParsing() {
        for text in ["127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "fe80::1%eth0", "127.0.0.1 ", "", "1.2.3.4.5"] {
            #expect(IPAddress(text) == nil, "\(text) must not parse")
        }
        #expect(IPRange("10.0.0.0/33") == nil && IPRange("10.0.0.0/-1") == nil && IPRange("10.0.0.0/+8") == nil && IPRange("::/129") == nil)
    }

    @Test("WEBHOOK_ALLOWED_HOSTS opens names, addresses and ranges, and refuses what is none of them")
    func allowList() throws {
        let policy = try OutboundAddressPolicy(allowing: " CI.internal. , 10.20.0.0/16, 127.0.0.1, fd00::/8 ")
        #expect(policy.allowsName("ci.internal") && policy.allowsName("CI.INTERNAL") && !policy.allowsName("other.internal"))
        #expect(policy.refusal(try #require(IPAddress("10.20.3.4"))) == nil)
        #expect(policy.refusal(try #require(IPAddress("10.21.0.1"))) != nil)
        #expect(policy.refusal(try #require(IPAddress("127.0.0.1"))) == nil)
        #expect(policy.refusal(try #require(IPAddress("127.0.0.2"))) != nil)
        #expect(policy.refusal(try #require(IPAddress("::ffff:127.0.0.1"))) == nil, "an allowed IPv4 address is allowed in its mapped form")
        #expect(policy.refusal(try #require(IPAddress("fd00::5"))) == nil)
        for bad in ["http://x", "a b", "10.0.0.0/40", "exa$mple.com", "-..-"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { _ = try OutboundAddressPolicy(allowing: bad) }
        }
        #expect(throws: ConfigurationError.self) { _ = try AppConfiguration(environment: ["WEBHOOK_ALLOWED_HOSTS": "http://internal"]) }
    }

    @Test("a name is pinned to its first allowed address; one that resolves only to refused addresses is refused (DNS rebinding gets nowhere)")
    func pinning() async throws {
        var policy = WebhookPolicy()
        let answers: [String: [String]] = ["public.example": ["93.184.216.34"], "rebind.example": ["127.0.0.1"],
                                           "mixed.example": ["10.0.0.1", "93.184.216.34"], "metadata.example": ["169.254.169.254"]]
        var sender = WebhookSender(policy: policy)
        sender.resolver = HostResolver { host in (answers[host] ?? []).compactMap(IPAddress.init) }
        #expect(await sender.pin("public.example") == .pinned(IPAddress("93.184.216.34")!))
        #expect(await sender.pin("mixed.example") == .pinned(IPAddress("93.184.216.34")!), "the refused address is never used")
        if case .refused(let reason) = await sender.pin("rebind.example") { #expect(reason.contains("127.0.0.1")) } else { Issue.record("rebind.example was not refused") }
        if case .refused = await sender.pin("metadata.example") {} else { Issue.record("the metadata address was not refused") }
        if case .refused = await sender.pin("nothing.example") {} else { Issue.record("a name without addresses was not refused") }
        #expect(await sender.pin("[::1]") == .refused("::1 is a private, loopback, link-local or special address"))
        try policy.allow("ci.internal")
        sender = WebhookSender(policy: policy, resolver: sender.resolver)
        #expect(await sender.pin("ci.internal") == .asIs)
    }
}
