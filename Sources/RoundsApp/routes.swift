import Vapor

/// Mounts every feature. The paths themselves are written once, in `SiteRoute` and `APIRoute`.
func routes(_ app: Application, stylesheet: Stylesheet) throws {
    do {  // HTML
        try app.register(collection: HomeController(stylesheet: stylesheet))
        try app.register(collection: AccountsController())
        try app.register(collection: CatalogController())
        try app.register(collection: HostCatalogController())
        try app.register(collection: SiteVerificationController())
        try app.register(collection: AccountSettingsController())
        try app.register(collection: ProfileController())
        try app.register(collection: TwoFactorController())
        try app.register(collection: TwoFactorSignIn())
        try app.register(collection: NotificationsController())
        try app.register(collection: DocumentsController(maximumBodyBytes: app.config.uploadRequestMaximumBytes))
        try app.register(collection: ApplicationsController())
        try app.register(collection: PlacementController())
        try app.register(collection: LettersController())
        try app.register(collection: LetterLinkController())
        try app.register(collection: ProgramLettersController())
        try app.register(collection: PortfolioController())
        try app.register(collection: VerificationController())
        try app.register(collection: ResidencyController())
        try app.register(collection: SeasonCorrectionController())
        try app.register(collection: RankListController())
        try app.register(collection: DirectoryController())
        try app.register(collection: DirectoryAdminController())
        try app.register(collection: ReferenceController())
        try app.register(collection: GuidesController())
        try app.register(collection: GuideEditorController())
        try app.register(collection: NewsletterController())
        try app.register(collection: NewsletterAdminController())
    }

    do {  // JSON API, authenticated by bearer token
        let api = app.grouped(APITokenAuthenticator()).grouped(TwoFactorRequired())
        try api.register(collection: API.AccountsController())
        try api.register(collection: API.ProfileController())
        try api.register(collection: API.CatalogController())
        try api.register(collection: API.DocumentsController(maximumBodyBytes: app.config.uploadRequestMaximumBytes))
        try api.register(collection: API.ApplicationsController())
        try api.register(collection: API.NotificationsController())
        try api.register(collection: API.PlacementController())
        try api.register(collection: API.LettersController())
        try api.register(collection: API.PortfolioController())
        try api.register(collection: API.ResidencyController())
        try api.register(collection: API.SeasonCorrectionController())
        try api.register(collection: API.DirectoryController())
        try api.register(collection: API.RankListController())
        try api.register(collection: API.GuidesController())
    }
}
