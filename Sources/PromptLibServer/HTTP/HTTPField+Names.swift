import HTTPTypes

/// Header names this server uses that HTTPTypes does not define.
extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let contentDisposition = Self("Content-Disposition")!
    static let sharePassword = Self("X-Share-Password")!
}
