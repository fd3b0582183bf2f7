import Questionnaire
import XCTest

@testable import Planning

final class NetworkPlannerTests: XCTestCase {
    private let planner = NetworkPlanner()

    private func zones(_ count: Int) -> [String] {
        (0..<count).map { "us-east-1" + String(UnicodeScalar(UInt8(97 + $0))) }
    }

    /// Property: for every allowed VPC prefix, every zone count, and VPCs at the edges of the
    /// private ranges, subnets lie inside the VPC and never overlap one another.
    func testSubnetsStayInsideTheVPCAndNeverOverlap() throws {
        let bases = ["10.0.0.0", "10.255.0.0", "172.16.0.0", "172.31.240.0", "192.168.0.0", "192.168.240.0"]
        for base in bases {
            for prefix in 16...20 {
                let candidate = IPv4CIDR(network: IPv4CIDR("\(base)/32")!.network, prefixLength: prefix)
                for count in 2...NetworkPlanner.maximumZones {
                    for size in SizePreset.allCases {
                        let plan = planner.plan(vpc: candidate, zoneNames: zones(count), size: size)
                        let subnets = plan.zones.flatMap { [$0.publicSubnet, $0.applicationSubnet, $0.dataSubnet] }
                        XCTAssertEqual(subnets.count, count * 3)
                        for subnet in subnets {
                            XCTAssertTrue(candidate.contains(subnet), "\(subnet) outside \(candidate)")
                        }
                        for (i, a) in subnets.enumerated() {
                            for b in subnets[(i + 1)...] {
                                XCTAssertFalse(a.overlaps(b), "\(a) overlaps \(b) in \(candidate) with \(count) zones")
                            }
                        }
                    }
                }
            }
        }
    }

    func testApplicationSubnetsAreTheLargestAndEverySubnetFitsAnALB() {
        for prefix in 16...20 {
            let vpc = IPv4CIDR(network: 0x0A00_0000, prefixLength: prefix)
            let plan = planner.plan(vpc: vpc, zoneNames: zones(6), size: .large)
            for zone in plan.zones {
                XCTAssertGreaterThan(zone.applicationSubnet.size, zone.publicSubnet.size)
                XCTAssertGreaterThan(zone.applicationSubnet.size, zone.dataSubnet.size)
                // An ALB needs a /27 or larger with at least 8 free addresses per subnet.
                XCTAssertLessThanOrEqual(zone.publicSubnet.prefixLength, 27)
            }
        }
    }

    func testLayoutOfAStandardSlash16() {
        let plan = planner.plan(vpc: IPv4CIDR("10.1.0.0/16")!, zoneNames: zones(3), size: .small)
        XCTAssertEqual(
            plan.zones.map {
                [$0.publicSubnet.description, $0.applicationSubnet.description, $0.dataSubnet.description]
            },
            [
                ["10.1.192.0/22", "10.1.0.0/19", "10.1.224.0/22"],
                ["10.1.196.0/22", "10.1.32.0/19", "10.1.228.0/22"],
                ["10.1.200.0/22", "10.1.64.0/19", "10.1.232.0/22"],
            ])
        XCTAssertEqual(plan.zones.map(\.letter), ["a", "b", "c"])
        XCTAssertEqual(plan.zones[0].applicationSubnet.usableAddresses, 8187)
    }

    func testAddingAZoneNeverRenumbersExistingSubnets() {
        let vpc = IPv4CIDR("10.0.0.0/18")!
        for count in 2..<NetworkPlanner.maximumZones {
            let before = planner.plan(vpc: vpc, zoneNames: zones(count), size: .medium).zones
            let after = planner.plan(vpc: vpc, zoneNames: zones(count + 1), size: .medium).zones
            XCTAssertEqual(Array(after.prefix(count)), before)
        }
    }

    func testNATGatewayPerZoneOnlyFromMediumUp() {
        let vpc = IPv4CIDR("10.0.0.0/16")!
        XCTAssertEqual(planner.plan(vpc: vpc, zoneNames: zones(3), size: .small).natGatewayCount, 1)
        XCTAssertTrue(planner.plan(vpc: vpc, zoneNames: zones(3), size: .small).singleNATGateway)
        for size in [SizePreset.medium, .large, .xlarge] {
            XCTAssertEqual(planner.plan(vpc: vpc, zoneNames: zones(3), size: size).natGatewayCount, 3)
        }
    }
}
