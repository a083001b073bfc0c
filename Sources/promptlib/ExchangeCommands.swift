import ArgumentParser
import Foundation
import PromptLibServer

/// `promptlib export`: prompts from the configured database into an archive file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export prompts to a zip or tar.gz archive (one file per prompt, and a manifest)."
    )

    @Option(help: "yaml, json, markdown, openai, openai_responses, anthropic, gemini, bedrock or llama.") var format = "yaml"
    @Option(help: "The archive file to write; .tar.gz or .tgz writes a gzipped tar, anything else a zip.") var out: String
    @Flag(help: "Every version, not only the latest (yaml and json).") var history = false
    @Option(name: .customLong("q"), help: "Full-text search.") var query: String?
    @Option(help: "Only prompts with this tag.") var tag: String?
    @Option(help: "Only prompts of this owner.") var owner: String?
    @Option(help: "draft, active or archived.") var status: String?
    @Option(help: "Only prompts under this folder.") var folder: String?
    @Flag(help: "Archived prompts too.") var includeArchived = false

    func run() async throws {
        let archive = out.hasSuffix(".tar.gz") || out.hasSuffix(".tgz") ? "tar.gz" : "zip"
        // Checked before anything is read: a long export must not end in a failed write.
        let destination = URL(fileURLWithPath: out).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandle.standardError.write(Data("promptlib: cannot write \(out): the folder \(destination) does not exist\n".utf8))
            throw ExitCode.failure
        }
        guard FileManager.default.isWritableFile(atPath: destination) else {
            FileHandle.standardError.write(Data("promptlib: cannot write \(out): the folder \(destination) is not writable\n".utf8))
            throw ExitCode.failure
        }
        var outIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &outIsFolder), outIsFolder.boolValue {
            FileHandle.standardError.write(Data("promptlib: cannot write \(out): it is a folder; give a file name such as \(out)/library.zip\n".utf8))
            throw ExitCode.failure
        }
        let progress = ProgressReporter()
        try await UserCommand.run { services in
            defer { progress.finish() }
            let result = try await services.export(format: format, archive: archive, includeHistory: history, query: query, tag: tag,
                                                   owner: owner, status: status, folder: folder, includeArchived: includeArchived,
                                                   progress: progress.report)
            progress.finish()
            do {
                try result.data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CommandLineError("cannot write \(out): \((error as NSError).localizedFailureReason ?? "the file could not be written")")
            }
            print("exported \(result.prompts) prompt(s), \(result.versions) version(s) to \(out)")
        }
    }
}

/// `promptlib import`: a file or archive into the configured database, in one transaction.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import prompts from an export archive or one file; all of it lands or none of it does."
    )

    @Argument(help: "A zip or tar.gz from export, or a YAML, JSON, Markdown or provider-format file.") var file: String
    @Flag(help: "Print the plan without writing.") var dryRun = false
    @Option(help: "For names that exist: skip, new_version or rename. Without it they stop the import.") var onConflict: String?
    @Option(help: "The prompt name for a provider request that PromptLib did not export (an OpenAI or Anthropic body).") var name: String?

    func run() async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("promptlib: cannot read \(file)\n".utf8))
            throw ExitCode.failure
        }
        let format: String? = file.hasSuffix(".zip") ? "zip" : file.hasSuffix(".tar.gz") || file.hasSuffix(".tgz") ? "tar.gz" : nil
        let progress = ProgressReporter()
        try await UserCommand.run(creating: true) { services in
            defer { progress.finish() }
            let result = try await services.importFile(data, format: format, name: name, dryRun: dryRun, onConflict: onConflict, progress: progress.report)
            progress.finish()
            for line in result.lines { print(line) }
            let counts = result.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print((dryRun ? "plan: " : "imported: ") + (counts.isEmpty ? "nothing" : counts))
        }
    }
}
