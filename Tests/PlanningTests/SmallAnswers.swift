import Questionnaire

/// A questionnaire of `environments` small environments (production first, protected) in
/// `region`, two zones each, and one Verawood instance in all of them.
func smallAnswers(region: String = "us-east-1", environments: Int, services: Answers.Services = Answers.Services())
    -> Answers
{
    let names = ["production", "staging", "qa", "dev", "demo", "train"].prefix(environments)
    return Answers(
        project: .init(name: "acme", organization: "Acme"),
        aws: .init(region: region, accountID: "000123456789", availabilityZones: ["\(region)a", "\(region)b"]),
        dns: .init(domain: "learn.acme.edu"),
        github: .init(repository: "acme/infra"),
        environments: names.enumerated().map { index, name in
            .init(
                name: name, size: .small, protected: index == 0, availabilityZoneCount: 2,
                networkCIDR: "10.\(index).0.0/16")
        },
        instances: [
            .init(
                name: "main", lmsHost: "courses.learn.acme.edu", studioHost: "studio.courses.learn.acme.edu",
                release: .verawood, environments: Array(names))
        ],
        services: services)
}
