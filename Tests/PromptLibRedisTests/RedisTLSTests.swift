import Foundation
import Logging
import PromptLibRedis
import PromptLibTestSupport
import Testing

/// `rediss://` speaks TLS to a real `redis-server` with a certificate from a private CA: trusted
/// through the CA file, refused without it, and refused when the name does not match.
@Suite("Redis over TLS", .enabled(if: RedisTestServer.available), .timeLimit(.minutes(1)))
struct RedisTLSTests {
    /// A CA and a server certificate for `localhost` and 127.0.0.1, made with openssl.
    static func makeCertificates(in directory: String) throws {
        let script = """
            set -e
            cd '\(directory)'
            openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=PromptLib test CA' -keyout ca.key -out ca.crt 2>/dev/null
            openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout server.key -out server.csr 2>/dev/null
            printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > san.ext
            openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt 2>/dev/null
            """
        guard try ChildProcess("/bin/sh", arguments: ["-c", script]).wait() == 0 else {
            throw TestServerError("openssl could not make the test certificates")
        }
    }

    @Test("TLS with the CA file works, by name and by address; without the CA or under another name it is refused")
    func tls() async throws {
        let tlsPort = RedisTestServer.freePort()
        let arguments = ["--port", "0", "--tls-port", "\(tlsPort)", "--tls-cert-file", "{dir}/server.crt", "--tls-key-file", "{dir}/server.key",
                         "--tls-ca-cert-file", "{dir}/ca.crt", "--tls-auth-clients", "no", "--bind", "127.0.0.1 127.0.0.2"]
        try await withRedisServer(arguments: arguments, prepare: Self.makeCertificates) { server in
            let logger = RedisIntegrationTests.logger
            let ca = server.directory + "/ca.crt"
            for host in ["localhost", "127.0.0.1"] {
                let pool = RedisConnectionPool(configuration: try RedisConfiguration(url: "rediss://\(host):\(tlsPort)", tlsCAFile: ca), logger: logger)
                #expect(try await pool.send(RESPCommand("PING")) == .simpleString("PONG"), "\(host)")
                await pool.close()
            }
            let untrusted = RedisConnectionPool(configuration: try RedisConfiguration(url: "rediss://localhost:\(tlsPort)"), logger: logger)
            await #expect(throws: RedisError.self) { try await untrusted.send(RESPCommand("PING")) }
            await untrusted.close()
            // The server listens on 127.0.0.2 too, but its certificate names only localhost and 127.0.0.1.
            var renamed = try RedisConfiguration(url: "rediss://127.0.0.1:\(tlsPort)", tlsCAFile: ca)
            renamed.host = "127.0.0.2"
            let mismatched = RedisConnectionPool(configuration: renamed, logger: logger)
            await #expect(throws: RedisError.self) { try await mismatched.send(RESPCommand("PING")) }
            await mismatched.close()
            // Plain RESP to a TLS port is not mistaken for an answer.
            let plain = RedisConnectionPool(configuration: try { var c = try RedisConfiguration(url: "redis://127.0.0.1:\(tlsPort)"); c.commandTimeout = 0.5; return c }(), logger: logger)
            await #expect(throws: RedisError.self) { try await plain.send(RESPCommand("PING")) }
            await plain.close()
        }
    }

    @Test("a CA file that is not PEM is refused with its path")
    func badCAFile() async throws {
        let path = NSTemporaryDirectory() + "not-a-ca-\(UUID().uuidString).pem"
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try await RedisConnection.connect(try RedisConfiguration(url: "rediss://localhost:1", tlsCAFile: path))
            Issue.record("connected with a broken CA file")
        } catch {
            #expect("\(error)".contains(path), "\(error)")
        }
    }
}
