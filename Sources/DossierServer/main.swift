import Foundation

// Data subcommands (issue 3); the server itself lands with issue 2.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "import": exit(DataCommands.runImport(Array(arguments.dropFirst())))
case "validate": exit(DataCommands.runValidate(Array(arguments.dropFirst())))
default: print("dossier-server: not built yet")
}
