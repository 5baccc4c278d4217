import CommandLineTools

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `rounds-match`: the `rounds match` command alone (see docs/MATCH.md).
func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

exit(
    MatchCommand.run(
        Array(CommandLine.arguments.dropFirst()),
        standardOutput: { write($0, to: 1) },
        standardError: { write($0, to: 2) }
    ))
