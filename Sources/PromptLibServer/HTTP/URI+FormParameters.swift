import HummingbirdCore

extension URI {
    /// The query's parameters decoded as HTML forms and ordinary HTTP clients encode them
    /// (`application/x-www-form-urlencoded`): `+` is a space, and names are percent-decoded as well
    /// as values. Hummingbird's `queryParameters` leaves `+` as it is, so `?q=Rake+and+Hoe` would
    /// search for `Rake+and+Hoe`. A part that is not valid percent-encoding is kept as written.
    var formParameters: FlatDictionary<Substring, Substring> {
        guard let query, !query.isEmpty else { return .init() }
        // Most queries (`?label=production`) have nothing to decode: their parts are used as they are.
        let encoded = query.utf8.contains { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }
        let decode = { (raw: Substring) -> Substring in
            guard encoded else { return raw }
            return PercentDecoding.decode(raw, plusIsSpace: true)
                ?? Substring(String(decoding: raw.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self))
        }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { part -> (key: Substring, value: Substring) in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (key: decode(pieces[0]), value: pieces.count > 1 ? decode(pieces[1]) : "")
        }
        return .init(pairs)
    }
}
