/// What a user may do. Ordered: every role can do what the roles below it can.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads and rates prompts.
    case viewer
    /// Also writes prompts, and manages their own keys and connections.
    case user
    /// Everything, including users, audit and system settings.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .user: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// Whether an account may sign in.
public enum UserStatus: String, Sendable, Codable, CaseIterable {
    case active
    case disabled
}
