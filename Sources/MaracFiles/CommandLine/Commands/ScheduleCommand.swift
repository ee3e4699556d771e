enum ScheduleCommand {
    static let command = Command(name: "schedule", summary: "", usage: "schedule") { _ in .ok }
}
