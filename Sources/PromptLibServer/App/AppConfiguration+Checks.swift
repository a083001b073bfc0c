import Foundation

/// Checks of values that parse but cannot work: each stops start-up (and `config check`) with one
/// line naming the variable, instead of failing later with a raw system error.
extension AppConfiguration {
    /// `HOST`: an IPv4 or IPv6 address, or a host name.
    static func checkHost(_ host: String) throws(ConfigurationError) {
        let digitsAndDots = host.allSatisfy { $0.isNumber || $0 == "." }
        let valid = digitsAndDots ? isIPv4(host) : (isIPv6(host) || isHostName(host))
        guard valid else { throw ConfigurationError(variable: "HOST", message: "must be an IP address or a host name") }
    }

    /// `STORAGE_DIR` and `LOGS_DIR`: a directory, or a path where one can be made.
    static func checkDirectory(_ path: String, variable: String) throws(ConfigurationError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ConfigurationError(variable: variable, message: "names a file, not a directory: \(path)")
        }
    }

    /// `TRUSTED_PROXIES`: exact addresses (each is compared with the peer address as is).
    static func checkProxies(_ proxies: Set<String>) throws(ConfigurationError) {
        for proxy in proxies where !(isIPv4(proxy) || isIPv6(proxy)) {
            throw ConfigurationError(variable: "TRUSTED_PROXIES", message: "must list IP addresses (no ranges or names), got '\(proxy.prefix(40))'")
        }
    }

    /// `FRONTEND_URL` and `CORS_ORIGIN`: an http or https origin a browser can be at.
    static func checkWebURL(_ text: String, variable: String, originOnly: Bool) throws(ConfigurationError) {
        guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false,
              url.port.map({ (1...65_535).contains($0) }) ?? true, url.user == nil, url.password == nil,
              !originOnly || (url.path.isEmpty && url.query == nil && url.fragment == nil) else {
            throw ConfigurationError(variable: variable, message: originOnly
                ? "must be an origin such as https://prompts.example.com (scheme, host and port only, no trailing slash)"
                : "must be an http or https URL")
        }
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    private static func isHostName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return text.utf8.count <= 253 && !labels.isEmpty && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
