import Fluent
import Foundation
import RoundsCore
import Vapor

/// A completed placement becomes an experience in the applicant's portfolio, in the same transaction as
/// the completion, filled in from the listing (the applicant adds hours and a description).
enum PlacementExperience {
    static func record(_ loaded: LoadedApplication, now: Date, on db: any Database) async throws {
        let applicationID = try loaded.application.requireID()
        guard try await Experience.query(on: db).filter(\.$application.$id == applicationID).count() == 0 else { return }
        let opportunity = loaded.opportunity
        let site = loaded.site
        let types = opportunity.type.experienceTypes
        let experience = Experience(ownerID: loaded.application.$applicant.id, now: now)
        experience.$application.id = applicationID
        experience.title = String(opportunity.title.prefix(ExperienceDraft.maximumTextLength))
        experience.organization = String(site.name.prefix(ExperienceDraft.maximumTextLength))
        experience.city = site.city
        experience.state = site.state
        experience.country = "United States"
        experience.amcasType = types.amcas.rawValue
        experience.erasType = types.eras.rawValue
        experience.setting = opportunity.setting.rawValue
        experience.specialtyID = opportunity.specialty
        experience.handsOn = opportunity.isHandsOn
        experience.supervisorName = loaded.host.displayName
        experience.supervisorTitle = ""
        experience.supervisorEmail = loaded.host.email
        experience.description = ""
        experience.amcasMostMeaningful = false
        experience.amcasReflection = ""
        experience.erasMostMeaningful = false
        experience.erasReflection = ""
        try await experience.create(on: db)
        let session = loaded.session
        let range = ExperienceRange(start: Day(ordinal: session.startDay), end: Day(ordinal: session.endDay), priorHours: 0, anticipatedHours: 0)
        try await ExperiencePeriod(experienceID: try experience.requireID(), position: 0, range: range).create(on: db)
    }
}
