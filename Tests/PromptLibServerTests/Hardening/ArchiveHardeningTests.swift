import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// Archives that lie about sizes and offsets: each is refused with a 4xx, none crashes the process.
@Suite("Hostile archives")
struct ArchiveHardeningTests {
    static let text = "schema: promptlib/v1\nname: ok\ntitle: OK\nprompt:\n  goal: Fine\n"

    /// A deflated entry as ZIPFoundation writes it, to put into hand-made archives.
    static func deflated(_ name: String) throws -> HandZip.Entry {
        let zip = try ArchiveCodec.write([(name, Data(text.utf8))], kind: .zip)
        let entry = try #require(try ZipDirectory(zip, limits: ArchiveLimits()).entries.first)
        return HandZip.Entry(name: name, method: 8, payload: zip[entry.data], crc: entry.crc32, uncompressedSize: UInt64(entry.uncompressedSize))
    }

    @Test("honest ZIP64 archives and data descriptors are read, stored or deflated")
    func honestVariants() throws {
        for zip64 in [false, true] {
            for descriptor in [false, true] {
                let zip = HandZip(entries: [HandZip.stored("prompts/a.yaml", Self.text), try Self.deflated("prompts/b.yaml")], zip64: zip64, dataDescriptor: descriptor)
                let files = try ArchiveCodec.read(zip.bytes, kind: .zip, limits: ArchiveLimits())
                #expect(files.map(\.path) == ["prompts/a.yaml", "prompts/b.yaml"], "zip64 \(zip64), descriptor \(descriptor)")
                #expect(files.allSatisfy { String(decoding: $0.data, as: UTF8.self) == Self.text })
            }
        }
    }

    @Test("a ZIP64 uncompressed size of 2^64-1 and a deflate entry with a data descriptor and compressed size 2^64-1 are refused, even on a dry run",
          arguments: TestEngine.available)
    func zip64Lies(engine: TestEngine) async throws {
        var huge = HandZip.stored("prompts/a.yaml", Self.text)
        huge.uncompressedSize = .max
        var descriptor = try Self.deflated("prompts/b.yaml")
        descriptor.declaredCompressedSize = .max
        let attacks = [HandZip(entries: [huge], zip64: true), HandZip(entries: [descriptor], zip64: true, dataDescriptor: true)]
        for attack in attacks {
            #expect(throws: ArchiveRefusal.self) { try ArchiveCodec.read(attack.bytes, kind: .zip, limits: ArchiveLimits()) }
        }
        try await withAdminApp(engine) { client, admin in
            for attack in attacks {
                let response = try await ExchangeTests.upload(client, attack.bytes, query: "?dry_run=true", token: admin)
                #expect([400, 413].contains(response.status.code), "\(String(buffer: response.body))")
            }
            #expect(try await client.get("/api/system/health").status == .ok)
        }
    }

    @Test("5,000 mutated zips (ZIP64 fields, data descriptors, offsets) and 2,000 mutated tars are refused or read, never a crash")
    func fuzz() throws {
        var random = SeededRandom(seed: 0x5EED)
        let limits = ArchiveLimits(maxEntries: 50, maxTotalBytes: 1_000_000)
        let bases = [
            try ArchiveCodec.write([("prompts/a.yaml", Data(Self.text.utf8)), ("prompts/b.json", Data("{}".utf8))], kind: .zip),
            HandZip(entries: [HandZip.stored("prompts/a.yaml", Self.text), try Self.deflated("prompts/b.yaml")], zip64: true).bytes,
            HandZip(entries: [try Self.deflated("prompts/b.yaml")], zip64: true, dataDescriptor: true).bytes,
            HandZip(entries: [try Self.deflated("prompts/b.yaml"), HandZip.stored("c/", "")], dataDescriptor: true).bytes,
        ]
        let wide: [UInt64] = [0, 1, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFE, .max, .max - 1, 1 << 63, 1 << 32]
        var outcomes = (read: 0, refused: 0)
        for round in 0..<5_000 {
            var zip = bases[round % bases.count]
            for _ in 0..<random.next(upTo: 3) + 1 {
                let width = [2, 4, 8][random.next(upTo: 3)]
                let at = random.next(upTo: max(1, zip.count - width))
                let value = random.next(upTo: 2) == 0 ? wide[random.next(upTo: wide.count)] : random.nextWord()
                withUnsafeBytes(of: value.littleEndian) { zip.replaceSubrange(at..<at + width, with: $0.prefix(width)) }
            }
            do {
                let files = try ArchiveCodec.read(zip, kind: .zip, limits: limits)
                #expect(files.reduce(0) { $0 + $1.data.count } <= limits.maxTotalBytes)
                outcomes.read += 1
            } catch {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.refused > 0 && outcomes.read > 0, "\(outcomes)")
        let tar = try TarArchive.write([("prompts/a.yaml", Data(Self.text.utf8)), ("prompts/b.yaml", Data(Self.text.utf8))])
        let sizes = ["77777777777", "-1", "99999999999", "\u{80}\u{FF}\u{FF}\u{FF}", "00000000777", "0000000001", ""]
        for round in 0..<2_000 {
            var mutated = tar
            let header = round % 2 == 0 ? 0 : 512 * (1 + (Self.text.utf8.count + 511) / 512)
            let field = [(124, 12), (148, 8), (156, 1), (345, 155), (0, 100)][random.next(upTo: 5)]
            let text = Array(sizes[random.next(upTo: sizes.count)].utf8.prefix(field.1)) + Array(repeating: UInt8(random.next(upTo: 256)), count: random.next(upTo: 2))
            mutated.replaceSubrange(header + field.0..<header + field.0 + min(text.count, field.1), with: text.prefix(field.1))
            if round % 7 == 0 { mutated = mutated.prefix(random.next(upTo: mutated.count)) }
            _ = try? TarArchive.read(mutated, limits: limits)
        }
    }

    @Test("a local header naming another entry than the directory is refused")
    func mismatchedNames() throws {
        var zip = HandZip(entries: [HandZip.stored("prompts/a.yaml", Self.text)]).bytes
        let local = try #require(zip.firstRange(of: Data("prompts/a.yaml".utf8)))
        zip.replaceSubrange(local, with: Data("../evil.yaml.x".utf8))
        #expect(throws: ArchiveRefusal.self) { try ArchiveCodec.read(zip, kind: .zip, limits: ArchiveLimits()) }
    }
}

/// SplitMix64: the same sequence every run, so a failing mutation can be replayed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int { Int(nextWord() % UInt64(max(bound, 1))) }
}
