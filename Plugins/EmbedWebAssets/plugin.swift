import Foundation
import PackagePlugin

/// Embeds the web UI (`web/` at the package root) in the server target, so the binary carries its
/// own UI and needs no files beside it. SwiftPM's own `.embedInCode` resources were measured at
/// 35 s of compile time for 150 kB (one integer literal per byte); base64 string literals cost
/// next to nothing.
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let tool = try context.tool(named: "promptlib-web-embed")
        let web = context.package.directoryURL.appending(path: "web")
        let output = context.pluginWorkDirectoryURL.appending(path: "WebAssetFiles.swift")
        // Every file is an input, so an edited or added file rebuilds the embedded copy.
        var inputs: [URL] = [web]
        if let walker = FileManager.default.enumerator(at: web, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(
            displayName: "Embedding the web UI (\(inputs.count - 1) files)",
            executable: tool.url, arguments: [web.path, output.path],
            inputFiles: inputs, outputFiles: [output]
        )]
    }
}
