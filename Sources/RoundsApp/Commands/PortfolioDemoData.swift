import Fluent
import Foundation
import RoundsCore
import Vapor

/// The demo applicant's portfolio: a verified observership, an ongoing clinic volunteer role with logged
/// hours, and a goal. Dates are relative to today so the summary has something to count. Skipped when the
/// applicant has experiences already.
enum PortfolioDemoData {
    static func load(_ app: Application) async throws {
        guard let amara = try await User.find(email: "applicant@rounds.test", on: app.db),
            try await Experience.query(on: app.db).filter(\.$owner.$id == amara.requireID()).count() == 0
        else { return }
        let now = app.services.clock.now()
        let today = Day(now)
        let store = PortfolioStore(db: app.db, now: now)

        var observership = ExperienceDraft()
        observership.title = "Observer, Internal Medicine inpatient service"
        observership.organization = "Fictional General Hospital"
        observership.city = "Boston"
        observership.state = "MA"
        observership.amcasType = AMCASExperienceType.shadowing.rawValue
        observership.setting = ClinicalSetting.inpatient.rawValue
        observership.erasSetting = ERASSetting.urban.rawValue
        observership.focusArea = ERASFocusArea.medicalEducation.rawValue
        observership.frequency = ERASFrequency.daily.rawValue
        observership.keyCharacteristic = ERASKeyCharacteristic.communication.rawValue
        observership.specialtyID = "internal-medicine"
        observership.supervisorName = "Dr. Samuel Whitfield"
        observership.supervisorTitle = "Attending physician"
        observership.supervisorEmail = "s.whitfield@example-hospital.org"
        observership.description =
            "Joined the teaching team on daily rounds, followed admissions from the emergency department to discharge, "
            + "and presented at morning report twice a week."
        observership.erasMostMeaningful = true
        observership.erasReflection = "Watching the team explain a new diagnosis in the family's language taught me how much care depends on being understood."
        observership.ranges = [.init(start: today.adding(days: -240).iso, end: today.adding(days: -213).iso, priorHours: "160", anticipatedHours: "")]
        let verified = try await store.create(by: amara, observership)
        let loaded = try await store.load(verified)
        verified.verifiedBy = "Samuel Whitfield"
        verified.verifiedAt = now
        verified.verifiedHours = loaded.completedHours
        verified.verifiedDigest = loaded.lockedDigest
        try await verified.save(on: app.db)

        var clinic = ExperienceDraft()
        clinic.title = "Volunteer, patient navigation"
        clinic.organization = "Example Community Free Clinic"
        clinic.city = "Worcester"
        clinic.state = "MA"
        clinic.amcasType = AMCASExperienceType.volunteerClinical.rawValue
        clinic.setting = ClinicalSetting.outpatient.rawValue
        clinic.erasSetting = ERASSetting.urban.rawValue
        clinic.focusArea = ERASFocusArea.access.rawValue
        clinic.frequency = ERASFrequency.weekly.rawValue
        clinic.keyCharacteristic = ERASKeyCharacteristic.empathy.rawValue
        clinic.specialtyID = "family-medicine"
        clinic.handsOn = true
        clinic.supervisorName = "Dr. Aisha Bello"
        clinic.supervisorEmail = "a.bello@example-clinic.org"
        clinic.description = "Check in patients, help them enrol in coverage programs, and take vital signs under supervision on Saturday clinics."
        clinic.ranges = [.init(start: today.adding(days: -120).iso, end: "", priorHours: "40", anticipatedHours: "60")]
        let ongoing = try await store.load(try await store.create(by: amara, clinic))
        for weeksAgo in [3, 2, 1] {
            _ = try await store.log(ongoing, HourLogDraft(day: today.adding(days: -7 * weeksAgo).iso, hours: "5", activities: "Saturday clinic: intake and vital signs"))
        }
        try await store.setGoal(for: amara, scope: "clinical", targetHours: "300")
    }
}
