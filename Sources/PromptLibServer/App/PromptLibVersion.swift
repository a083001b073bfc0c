/// The release this binary was built as.
public enum PromptLibVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
