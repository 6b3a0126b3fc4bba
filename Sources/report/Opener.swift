import Foundation

/// `report pdf --open`: hands the written file to the desktop's viewer.
enum Opener {
    /// Opens `path` with `xdg-open` when there is a display (X11 or Wayland); otherwise, or when
    /// xdg-open cannot be started, a warning says so. The run's result does not depend on it.
    static func open(_ path: String, console: Console, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let hasDisplay = [environment["DISPLAY"], environment["WAYLAND_DISPLAY"]].contains { !($0 ?? "").isEmpty }
        guard hasDisplay else {
            console.warn(text: "--open: there is no display (DISPLAY and WAYLAND_DISPLAY are unset); the PDF is at \(path)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                console.warn(text: "--open: xdg-open could not open \(path) (status \(process.terminationStatus)); is xdg-utils installed?")
            }
        } catch {
            console.warn(text: "--open: cannot start xdg-open: \(error.localizedDescription)")
        }
    }
}
