extension Migrations {
    /// Ownership, authorship and share creators were recorded by username, so a new account that
    /// took a deleted one's name inherited its prompts. From here they are account ids; the
    /// username columns stay, for display. Existing rows are matched to the accounts that hold
    /// those names now (the best the old data allows).
    static let accountIDs = Migration(version: 9, name: "ownership, authorship and share creators by account id") { _ in
        [
            "ALTER TABLE prompts ADD COLUMN owner_id TEXT",
            "UPDATE prompts SET owner_id = (SELECT u.id FROM users u WHERE u.username = prompts.owner)",
            "CREATE INDEX prompts_owner_id ON prompts (owner_id)",
            "ALTER TABLE prompt_versions ADD COLUMN author_id TEXT",
            "UPDATE prompt_versions SET author_id = (SELECT u.id FROM users u WHERE u.username = prompt_versions.author)",
            "ALTER TABLE prompt_shares ADD COLUMN created_by_id TEXT",
            "UPDATE prompt_shares SET created_by_id = (SELECT u.id FROM users u WHERE u.username = prompt_shares.created_by)",
        ]
    }
}
