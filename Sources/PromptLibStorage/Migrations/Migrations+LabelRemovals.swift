extension Migrations {
    /// A label can be removed; its history records the removal as a move flagged `removed`, from
    /// and to the version it pointed at (so `to_version` stays NOT NULL on both engines).
    static let labelRemovals = Migration(version: 10, name: "label removals in label_moves") { _ in
        ["ALTER TABLE label_moves ADD COLUMN removed INTEGER NOT NULL DEFAULT 0"]
    }
}
