import Questionnaire

/// Who can run `kubectl` as cluster admin in an incident (SPEC §2): the roles listed in
/// `aws.admin_role_arns`, or, when there are none, `<project>-eks-admin`, which
/// terraform/global creates and the account's IAM principals assume with MFA. Some human
/// path to every cluster always exists: the clusters have access entries only and give
/// their creator no access.
public struct ClusterAdmins: Sendable, Equatable, Encodable {
    /// The role terraform/global creates, when the questionnaire lists none.
    public var fallbackRoleName: String?
    /// The roles given `AmazonEKSClusterAdminPolicy` in every environment.
    public var roleARNs: [String]

    init(_ answers: Answers, namer: AWSNamer) {
        if answers.aws.adminRoleARNs.isEmpty {
            let name = namer.name(["eks", "admin"], limit: .iamRole)
            fallbackRoleName = name
            roleARNs = ["arn:aws:iam::\(answers.aws.accountID):role/\(name)"]
        } else {
            fallbackRoleName = nil
            roleARNs = answers.aws.adminRoleARNs
        }
    }
}
