import MaracBase

/// One bank holiday: the day it is taken and its name as GOV.UK publishes it.
public struct BankHoliday: Sendable, Hashable, CustomStringConvertible {
    public var date: LocalDate
    public var name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }

    public var description: String { "\(date) \(name)" }
}

/// The bank holidays of England and Wales (one calendar: Gwent is in Wales; Liverpool and the
/// West Midlands in England).
///
/// The current rules are applied to every year (1900-2200 is the supported range): New Year's
/// Day, Good Friday, Easter Monday, the Early May (first Monday of May), Spring (last Monday of
/// May) and Summer (last Monday of August) bank holidays, Christmas Day and Boxing Day. A fixed
/// date that falls on a weekend is taken on the next weekday not already a holiday (Christmas on
/// a Saturday: Monday 27th, Boxing Day Tuesday 28th; on a Sunday: Boxing Day Monday 26th,
/// Christmas Tuesday 27th). The one-off changes published since 2019 are applied on top; earlier
/// one-offs (e.g. 2012 Diamond Jubilee) and years before a holiday existed are not modelled: a
/// repository can add such days as closures.
public enum EnglandAndWalesBankHolidays {
    /// The supported years.
    public static let supportedYears = 1900...2200

    /// The bank holidays of `year`, in date order.
    public static func holidays(in year: Int) -> [BankHoliday] {
        var regular = movableHolidays(year)
        applyOneOffMoves(year, to: &regular)
        var taken = regular
        var pending: [BankHoliday] = []
        for holiday in fixedHolidays(year) {
            if holiday.date.weekday.isWeekend { pending.append(holiday) } else { taken.append(holiday) }
        }
        for holiday in pending {
            var day = holiday.date.adding(days: 1)
            while day.weekday.isWeekend || taken.contains(where: { $0.date == day }) {
                day = day.adding(days: 1)
            }
            taken.append(BankHoliday(date: day, name: holiday.name + " (substitute day)"))
        }
        taken += oneOffHolidays(year)
        return taken.sorted { $0.date < $1.date }
    }

    /// The bank holiday on `date`, if any. Every working-day count asks this of each day, so
    /// the supported years are worked out once and looked up by date.
    public static func holiday(on date: LocalDate) -> BankHoliday? {
        guard supportedYears.contains(date.year) else { return holidays(in: date.year).first { $0.date == date } }
        return byDate[date]
    }

    private static let byDate: [LocalDate: BankHoliday] = {
        var table: [LocalDate: BankHoliday] = [:]
        for year in supportedYears {
            for holiday in holidays(in: year) { table[holiday.date] = holiday }
        }
        return table
    }()

    private static func fixedHolidays(_ year: Int) -> [BankHoliday] {
        [
            BankHoliday(date: LocalDate(year: year, month: 1, day: 1), name: "New Year's Day"),
            BankHoliday(date: LocalDate(year: year, month: 12, day: 25), name: "Christmas Day"),
            BankHoliday(date: LocalDate(year: year, month: 12, day: 26), name: "Boxing Day"),
        ]
    }

    private static func movableHolidays(_ year: Int) -> [BankHoliday] {
        let easter = LocalDate.easterSunday(year: year)
        return [
            BankHoliday(date: easter.adding(days: -2), name: "Good Friday"),
            BankHoliday(date: easter.adding(days: 1), name: "Easter Monday"),
            BankHoliday(date: .first(.monday, year: year, month: 5), name: "Early May bank holiday"),
            BankHoliday(date: .last(.monday, year: year, month: 5), name: "Spring bank holiday"),
            BankHoliday(date: .last(.monday, year: year, month: 8), name: "Summer bank holiday"),
        ]
    }

    /// Regular holidays moved by royal proclamation.
    private static func applyOneOffMoves(_ year: Int, to holidays: inout [BankHoliday]) {
        func move(_ name: String, to date: LocalDate, renamed: String? = nil) {
            guard let i = holidays.firstIndex(where: { $0.name == name }) else { return }
            holidays[i] = BankHoliday(date: date, name: renamed ?? name)
        }
        switch year {
        case 2020:
            move("Early May bank holiday", to: LocalDate(year: 2020, month: 5, day: 8),
                 renamed: "Early May bank holiday (VE day)")
        case 2022:
            move("Spring bank holiday", to: LocalDate(year: 2022, month: 6, day: 2))
        default:
            break
        }
    }

    /// Extra holidays proclaimed for one year only.
    private static func oneOffHolidays(_ year: Int) -> [BankHoliday] {
        switch year {
        case 2022:
            [
                BankHoliday(date: LocalDate(year: 2022, month: 6, day: 3),
                            name: "Platinum Jubilee bank holiday"),
                BankHoliday(date: LocalDate(year: 2022, month: 9, day: 19),
                            name: "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            ]
        case 2023:
            [BankHoliday(date: LocalDate(year: 2023, month: 5, day: 8),
                         name: "Bank holiday for the coronation of King Charles III")]
        default:
            []
        }
    }
}
