/// Namespace for the JSON API controllers (`/api/v1`).
enum API {}
