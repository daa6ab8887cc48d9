import Foundation

// Everything lives in the files beside this one; main only hands over the process's
// arguments and environment and exits with the status the command returns.
exit(
    DossierServerCommand.run(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment))
