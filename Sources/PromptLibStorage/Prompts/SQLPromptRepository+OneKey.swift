extension SQLPromptRepository {
    /// How ``find(id:)`` and ``find(name:)`` look a prompt up: both by a unique index.
    enum OneKey {
        case id(String)
        case name(String)

        var value: String {
            switch self {
            case .id(let id): id
            case .name(let name): name
            }
        }

        var column: String {
            switch self {
            case .id: "p.id"
            case .name: "p.name"
            }
        }

        /// The PostgreSQL statement, prepared once per connection.
        var postgresLookup: any PostgresPromptLookup {
            switch self {
            case .id(let id): PostgresPromptByID(key: id)
            case .name(let name): PostgresPromptByName(key: name)
            }
        }

        /// The SQLite statement, prepared once per connection: ``sqliteSelectPromptWithLabels``
        /// with its one bind as `?1`.
        var sqlitePrepared: String {
            switch self {
            case .id: SQLPromptRepository.sqliteByID
            case .name: SQLPromptRepository.sqliteByName
            }
        }
    }
}
