import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct ApplicationTests {
    /// The index that keeps one live application per applicant and session lists the live statuses as
    /// they were when its migration was written; if the enum's idea of "live" changes, a new migration
    /// must change the index, and this fails until one does.
    /// Issue 16: visitors may observe, not care for patients. A graduate on a B-1/B-2 cannot apply to a
    /// hands-on listing (whatever the listing says it accepts), is told why with the source, and nothing
    /// is saved; the same graduate may apply once the listing is observational.
    @Test func aGraduateOnAVisitorVisaCannotApplyToAHandsOnListing() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            fixture.opportunity.isHandsOn = true
            fixture.opportunity.visaClasses = Set<VisaClass>([.b1b2, .noneNeeded]).storedList
            fixture.opportunity.audiences = Set<Audience>([.imgGraduate, .imgStudent]).storedList
            try await fixture.opportunity.save(on: app.db)
            let (user, client) = try await fixture.applicant("visitor@example.org")
            let profile = ApplicantProfileDraft(
                track: "img_graduate", medicalSchool: "University of Lagos", schoolCountry: "Nigeria", graduationYear: "2021",
                step1: "passed", ecfmgStatus: "certified", visaStatus: "b1_b2"
            )
            _ = try await ProfileStore.save(profile, for: user, on: app.db, now: app.services.clock.now())
            let refused = try await fixture.apply(client)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.get(String.self, at: "reason").contains("9 FAM 402.2-5(F)(8)"))
            #expect(try await SessionApplication.query(on: app.db).count() == 0)

            fixture.opportunity.isHandsOn = false
            try await fixture.opportunity.save(on: app.db)
            #expect(try await fixture.apply(client).status == .created)
        }
    }

    @Test func theOneLiveApplicationIndexStillMatchesTheLiveStatuses() {
        #expect(Set(CreateApplication.liveStatuses) == Set(ApplicationStatus.live.map(\.rawValue)))
    }

    @Test func anApplicantAppliesTheHostOffersTheApplicantAccepts() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app, requirements: [.immunizations, .backgroundCheck])
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let cv = try await fixture.upload(amara)
            let shots = try await fixture.upload(amara, kind: .immunizationRecord, fileName: "shots.pdf")

            let created = try await fixture.apply(amara, documents: [cv, shots], confirmed: ["immunizations", "background_check"])
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(UUID.self, at: "id")
            #expect(try created.content.get(String.self, at: "status") == "submitted")
            #expect(try created.content.get([String].self, at: "actions") == ["withdraw"])

            let inbox = try await fixture.host.send(.GET, APIRoute.hostApplications.path + "?status=submitted")
            #expect(try inbox.content.decode([ApplicationResponse].self).map(\.id) == [id])
            #expect(try await fixture.act(fixture.host, .review, on: id).status == .ok)
            let offer = try await fixture.act(fixture.host, .offer, on: id, json: ["expires_in_days": 5, "note": "Welcome aboard"])
            #expect(try offer.content.get(String.self, at: "status") == "offered")
            let expiry = try offer.content.get(Date.self, at: "offer_expires_at")
            #expect(abs(expiry.timeIntervalSince(app.services.clock.now()) - 5 * 86_400) < 1)

            clock.advance(by: 3_600)
            let accepted = try await fixture.act(amara, .accept, on: id)
            #expect(accepted.status == .ok, "\(accepted.body.string)")
            let detail = try accepted.content.decode(ApplicationResponse.self)
            #expect(detail.status == .accepted)
            #expect(detail.session.seatsTaken == 1)
            #expect(detail.actions == ["withdraw"])
            #expect(detail.history?.map { "\($0.from?.rawValue ?? "-")>\($0.to.rawValue)@\($0.party.rawValue)" } == [
                "->draft@applicant", "draft>submitted@applicant", "submitted>under_review@host",
                "under_review>offered@host", "offered>accepted@applicant",
            ])
            #expect(detail.history?[3].note == "Welcome aboard")

            // Each side heard about the other's moves, in the app and by e-mail.
            let hostNotices = try await fixture.host.send(.GET, APIRoute.notifications.path).content.decode(NotificationListResponse.self)
            #expect(hostNotices.items.map(\.title) == ["Accepted: Hospitalist Observership", "New application: Hospitalist Observership"])
            #expect(hostNotices.unread == 2)
            let read = try await fixture.host.send(.POST, APIRoute.readNotifications.path).content.decode(NotificationListResponse.self)
            #expect(read.unread == 0)
            let mail = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "amara@example.org").all()
            #expect(mail.map(\.subject) == ["Rounds: Offer: Hospitalist Observership"])
            #expect(mail.first?.body.contains("/applications/\(id.uuidString)") == true)
            // The offer notice names the expiry just set (it once read the row from before the change).
            #expect(mail.first?.body.contains("Accept or decline by \(DisplayFormat.dateTime(expiry))") == true)
        }
    }

    @Test func submittingChecksEveryRequirementAndWritesNothingWhenItFails() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, requirements: [.immunizations, .insurance])
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let cv = try await fixture.upload(amara)
            let response = try await fixture.apply(amara, documents: [cv], confirmed: ["immunizations"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Confirm that you meet the requirement: Health and liability insurance."))
            #expect(response.body.string.contains("Attach your immunization record"))
            #expect(try await SessionApplication.query(on: app.db).count() == 0)
            #expect(try await ApplicationEvent.query(on: app.db).count() == 0)

            // A draft may be incomplete; submitting it later applies the same checks.
            let draft = try await fixture.apply(amara, documents: [cv], confirmed: [], submit: false)
            #expect(draft.status == .created)
            let id = try draft.content.get(UUID.self, at: "id")
            #expect(try await fixture.act(amara, .submit, on: id).status == .unprocessableEntity)
            #expect(try await fixture.status(of: id) == .draft)
            // The host cannot see a draft at all.
            #expect(try await fixture.host.send(.GET, "\(APIRoute.applications.path)/\(id.uuidString)").status == .notFound)
        }
    }

    @Test func oneLiveApplicationPerSessionButAgainAfterWithdrawing() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.submitted(amara)
            let again = try await fixture.apply(amara)
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("already have a live application"))
            #expect(try await fixture.act(amara, .withdraw, on: id).status == .ok)
            #expect(try await fixture.apply(amara).status == .created)
        }
    }

    @Test func concurrentAppliesLeaveOneLiveApplication() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (user, amara) = try await fixture.applicant("amara@example.org")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 { group.addTask { try await fixture.apply(amara).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
            #expect(try await SessionApplication.query(on: app.db).filter(\.$applicant.$id == user.requireID()).count() == 1)
        }
    }

    @Test func anotherUsersDocumentCannotBeAttached() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let bolasCV = try await fixture.upload(bola)
            let response = try await fixture.apply(amara, documents: [bolasCV])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Attach only documents from your own vault."))
            #expect(try await SessionApplication.query(on: app.db).count() == 0)
        }
    }

    @Test func anOfferCannotBeAcceptedAfterItExpiresAndTheSweepExpiresIt() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.offered(amara)
            clock.advance(by: 7 * 86_400)
            let late = try await fixture.act(amara, .accept, on: id)
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("This offer has expired."))
            let workflow = ApplicationWorkflow(db: app.db, now: clock.now(), origin: "http://rounds.test")
            #expect(try await workflow.expireOverdueOffers() == 1)
            #expect(try await workflow.expireOverdueOffers() == 0)
            #expect(try await fixture.status(of: id) == .expired)
            #expect(try await fixture.seatsTaken() == 0)
        }
    }

    @Test func withdrawingAnAcceptedPlaceOffersItToTheLongestWaitlisted() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let (_, chen) = try await fixture.applicant("chen@example.org")
            let first = try await fixture.offered(amara)
            #expect(try await fixture.act(amara, .accept, on: first).status == .ok)
            var waiting: [UUID] = []
            for client in [chen, bola] {
                let id = try await fixture.submitted(client)
                #expect(try await fixture.act(fixture.host, .review, on: id).status == .ok)
                clock.advance(by: 60)
                #expect(try await fixture.act(fixture.host, .waitlist, on: id).status == .ok)
                waiting.append(id)
            }
            // The session is full: a second offer can be made, but not accepted.
            let extra = try await fixture.act(fixture.host, .offer, on: waiting[1], json: ["expires_in_days": 2])
            #expect(extra.status == .ok)
            let full = try await fixture.act(bola, .accept, on: waiting[1])
            #expect(full.status == .conflict)
            #expect(full.body.string.contains("The only seat of this session is taken"))
            #expect(try await fixture.status(of: waiting[1]) == .offered)

            #expect(try await fixture.act(amara, .withdraw, on: first).status == .ok)
            #expect(try await fixture.seatsTaken() == 0)
            #expect(try await fixture.status(of: waiting[0]) == .offered)  // Chen waited longest
            let promoted = try await chen.send(.GET, "\(APIRoute.applications.path)/\(waiting[0].uuidString)").content.decode(ApplicationResponse.self)
            #expect(promoted.history?.last?.party == .system)
            #expect(try await fixture.act(chen, .accept, on: waiting[0]).status == .ok)
            #expect(try await fixture.seatsTaken() == 1)
        }
    }

    @Test func cancellingNeedsAReasonAndFreesTheSeat() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.offered(amara)
            #expect(try await fixture.act(amara, .accept, on: id).status == .ok)
            let bare = try await fixture.act(fixture.host, .cancel, on: id)
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.body.string.contains("Give a reason for cancelling"))
            clock.advance(by: 60)
            let cancelled = try await fixture.act(fixture.host, .cancel, on: id, json: ["note": "The unit closes for renovation."])
            #expect(cancelled.status == .ok)
            #expect(try await fixture.seatsTaken() == 0)
            let notices = try await amara.send(.GET, APIRoute.notifications.path).content.decode(NotificationListResponse.self)
            #expect(notices.items.first?.body.contains("The unit closes for renovation.") == true)
        }
    }

    @Test func hostsRejectInBulkAndHearWhatWasSkipped() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            var ids: [UUID] = []
            for name in ["a", "b", "c"] {
                let (_, client) = try await fixture.applicant("\(name)@example.org")
                ids.append(try await fixture.submitted(client))
            }
            let (_, dora) = try await fixture.applicant("dora@example.org")
            let offered = try await fixture.offered(dora)
            let response = try await fixture.host.send(
                .POST, APIRoute.hostBulkReject.path,
                json: ["application_ids": (ids + [offered, UUID()]).map(\.uuidString), "note": "All places are filled."]
            )
            #expect(response.status == .ok)
            #expect(Set(try response.content.get([UUID].self, at: "rejected")) == Set(ids))
            #expect(try response.content.get([[String: String]].self, at: "skipped").count == 2)
            for id in ids { #expect(try await fixture.status(of: id) == .rejected) }
            #expect(try await fixture.status(of: offered) == .offered)
        }
    }

    @Test func otherPeopleCannotSeeOrChangeAnApplication() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let otherHostUser = try await Factories.user(app, email: "other-host@example.org", roles: [.host])
            let otherHost = try await ApplicationFixture.client(app, for: otherHostUser)
            let id = try await fixture.submitted(amara)
            let path = "\(APIRoute.applications.path)/\(id.uuidString)"
            for stranger in [bola, otherHost] {
                #expect(try await stranger.send(.GET, path).status == .notFound)
                #expect(try await fixture.act(stranger, .withdraw, on: id).status == .notFound)
                #expect(try await fixture.act(stranger, .review, on: id).status == .notFound)
            }
            // Each side is refused the other's actions.
            #expect(try await fixture.act(amara, .review, on: id).status == .forbidden)
            #expect(try await fixture.act(fixture.host, .withdraw, on: id).status == .forbidden)
            #expect(try await fixture.status(of: id) == .submitted)
        }
    }
}

/// Application e-mail through a real SMTP server (aiosmtpd, started by `scripts/smtp-test-servers.sh`).
@Suite(.enabled(if: SMTPServers.isAvailable)) struct ApplicationMailTests {
    @Test func anOfferReachesTheApplicantsMailbox() async throws {
        try await withRoundsApp(adjust: {
            $0.mail.smtpHost = "127.0.0.1"
            $0.mail.smtpPort = SMTPServers.plainPort!
        }) { app in
            let fixture = try await ApplicationFixture.make(app)
            let email = "offer-\(UUID().uuidString.prefix(8).lowercased())@example.org"
            let (_, applicant) = try await fixture.applicant(email)
            let id = try await fixture.offered(applicant)
            let client = SMTPClient(configuration: app.config.mail.smtp!, eventLoopGroup: app.eventLoopGroup)
            let delivery = OutboxDelivery(db: app.db, from: app.config.mail.from, send: { try await client.send($0) })
            // The host's "new application" notice and the applicant's offer.
            #expect(try await delivery.deliverDue(now: app.services.clock.now()) == (2, 0))
            let received = try SMTPServers.messages(in: SMTPServers.plainMaildir!).first { $0.contains("To: \(email)") }
            let message = try #require(received)
            #expect(message.contains("Subject: Rounds: Offer: Hospitalist Observership"))
            #expect(message.contains("/applications/\(id.uuidString)"))
        }
    }
}

@Suite struct ApplicationSweepTests {
    @Test func acceptedPlacesAreCompletedTheDayAfterTheSessionEnds() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.offered(amara)
            #expect(try await fixture.act(amara, .accept, on: id).status == .ok)
            // Too early for the host or the sweep.
            #expect(try await fixture.act(fixture.host, .complete, on: id).status == .conflict)
            let end = Day(ordinal: fixture.session.endDay)
            clock.advance(by: Double(Day(clock.now()).days(to: end)) * 86_400)
            #expect(try await ApplicationWorkflow(db: app.db, now: clock.now(), origin: "").completeFinishedPlacements() == 0)
            clock.advance(by: 86_400)
            #expect(try await ApplicationWorkflow(db: app.db, now: clock.now(), origin: "").completeFinishedPlacements() == 1)
            #expect(try await fixture.status(of: id) == .completed)
            #expect(try await fixture.seatsTaken() == 1)
        }
    }
}

/// The status machine through HTTP: every status × action × side, with the answer the rules give.
@Suite struct ApplicationTransitionRouteTests {
    @Test func everyStatusActionAndSideAnswersAsTheRulesSay() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1_000)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.submitted(amara)
            let application = try #require(try await SessionApplication.find(id, on: app.db))
            let now = app.services.clock.now()
            let session = fixture.session
            for status in ApplicationStatus.allCases {
                for action in ApplicationAction.allCases {
                    for (party, client) in [(ApplicationParty.applicant, amara), (.host, fixture.host)] {
                        application.status = status
                        application.offerExpiresAt = now.addingTimeInterval(86_400)
                        try await application.save(on: app.db)
                        let response = try await fixture.act(client, action, on: id, json: ["note": "A reason.", "expires_in_days": 3])
                        let context = TransitionContext(
                            now: now, offerExpiresAt: application.offerExpiresAt, proposedExpiry: now.addingTimeInterval(3 * 86_400),
                            deadline: Day(ordinal: session.deadlineDay), sessionEnd: Day(ordinal: session.endDay), note: "A reason."
                        )
                        let expected: HTTPStatus
                        if party == .host && status == .draft {
                            expected = .notFound  // a draft is invisible to the host
                        } else {
                            switch ApplicationTransitions.target(from: status, action: action, by: party, context: context) {
                            case .success: expected = .ok
                            case .failure(.notYours): expected = .forbidden
                            case .failure(.reasonRequired), .failure(.expiryRequired): expected = .unprocessableEntity
                            case .failure: expected = .conflict
                            }
                        }
                        #expect(response.status == expected, "\(status.rawValue) \(action.rawValue) by \(party.rawValue): \(response.body.string)")
                    }
                }
            }
        }
    }
}

extension ApplicationTests {
    /// Found by fuzzing as the host (schemathesis with the host's token): a note past the documented
    /// 1,000 characters was taken whenever no application could be rejected, and an empty session_id was
    /// read as "every session" although the API document asks for an id.
    @Test func notesPastTheLimitAndEmptyFiltersAreRefusedOverTheAPI() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.submitted(amara)
            let long = String(repeating: "n", count: ApplicationTransitions.maximumNoteLength + 1)
            // The limit holds for the note as sent: padding past it is refused too (the fuzzer found it trimmed first).
            let padded = String(repeating: "n", count: ApplicationTransitions.maximumNoteLength - 1) + "  "
            for (ids, note) in [([UUID()], long), ([id], long), ([UUID()], padded)] {
                let response = try await fixture.host.send(.POST, APIRoute.hostBulkReject.path, json: ["application_ids": ids.map(\.uuidString), "note": note])
                #expect(response.status == .unprocessableEntity, "\(response.body.string)")
                #expect(response.body.string.contains("A note is at most 1000 characters; this one has 1001."))
            }
            #expect(try await fixture.status(of: id) == .submitted)
            let exact = String(repeating: "n", count: ApplicationTransitions.maximumNoteLength)
            let rejected = try await fixture.host.send(.POST, APIRoute.hostBulkReject.path, json: ["application_ids": [id.uuidString], "note": exact])
            #expect(try rejected.content.get([UUID].self, at: "rejected") == [id])

            #expect(try await fixture.host.send(.GET, APIRoute.hostApplications.path(query: [("session_id", "")])).status == .badRequest)
            #expect(try await fixture.host.send(.GET, APIRoute.hostApplications.path(query: [("status", "")])).status == .badRequest)
            #expect(try await fixture.host.send(.GET, APIRoute.hostApplications.path(query: [("session_id", fixture.sessionID.uuidString)])).status == .ok)
            // The page's selects send empty for "any", and keep working.
            let browser = try await Factories.browser(app, signedInAs: "host@example.org")
            #expect(try await browser.get(SiteRoute.hostApplications.path(query: [("session_id", ""), ("status", "")])).status == .ok)
        }
    }
}
