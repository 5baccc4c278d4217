import Plot

struct HomePage {
    var context: PageContext

    func layout() -> PageLayout {
        PageLayout(
            title: "US clinical experience, from first shadowing hour to Match Day",
            context: self.context,
            content: .div(
                .div(
                    .class("hero"),
                    .h1("US clinical experience, from first shadowing hour to Match Day"),
                    .p(
                        .text("Rounds helps pre-medical students and international medical graduates find observerships, "
                            + "electives and research posts, prove their hours, collect letters and plan the residency Match.")
                    ),
                    self.context.viewer == nil
                        ? .p(.a(.class("button primary"), .href(SiteRoute.signUp.path), .text("Create your free account")))
                        : .empty
                ),
                .ul(
                    .class("cards"),
                    .li(.h2("Find"), .p("Observerships, electives, externships, research, shadowing and volunteering.")),
                    .li(.h2("Prove"), .p("Log hours, get them verified by your supervisor, export to AMCAS and ERAS.")),
                    .li(.h2("Recommend"), .p("Request letters by link; writers upload confidentially.")),
                    .li(.h2("Match"), .p("Plan the season, build your program list and simulate the Match."))
                ),
                .p(
                    .text("Reference: "), .safeLink(SiteRoute.visaPaths.path, .text("what each visa allows in US clinical settings")), .text(" · "),
                    .safeLink(SiteRoute.researchPrograms.path, .text("research and summer programs for pre-meds"))
                )
            )
        )
    }
}
