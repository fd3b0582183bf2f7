import XCTest

@testable import Planning

final class SearchTopologyTests: XCTestCase {
    func testOneDataNodeTurnsZoneAwarenessOff() {
        let topology = SearchTopology(requestedDataNodes: 1, availabilityZones: 3)
        XCTAssertEqual(topology.zoneCount, 1)
        XCTAssertFalse(topology.zoneAwareness)
        XCTAssertEqual(topology.dataNodes, 1)
    }

    /// Property: data nodes are a multiple of the zone count, never fewer than asked, and the
    /// zone count is min(zones, 3) unless there are fewer data nodes than that.
    func testDataNodesAreAMultipleOfTheZoneCount() {
        for zones in 2...6 {
            for requested in 2...12 {
                let topology = SearchTopology(requestedDataNodes: requested, availabilityZones: zones)
                XCTAssertEqual(topology.dataNodes % topology.zoneCount, 0)
                XCTAssertGreaterThanOrEqual(topology.dataNodes, requested)
                XCTAssertLessThan(topology.dataNodes - requested, topology.zoneCount)
                XCTAssertEqual(topology.zoneCount, min(zones, 3, requested))
                XCTAssertTrue(topology.zoneAwareness)
            }
        }
    }

    func testLargePresetOverTwoZonesRoundsUpToFour() {
        XCTAssertEqual(SearchTopology(requestedDataNodes: 3, availabilityZones: 2).dataNodes, 4)
        XCTAssertEqual(SearchTopology(requestedDataNodes: 2, availabilityZones: 3).zoneCount, 2)
    }
}

final class LoadBalancerLogDeliveryTests: XCTestCase {
    func testOlderRegionsUseTheRegionalELBAccountNewerOnesTheServicePrincipal() {
        XCTAssertEqual(LoadBalancerLogDelivery(region: "us-east-1"), .regionalAccount)
        XCTAssertEqual(LoadBalancerLogDelivery(region: "eu-west-1"), .regionalAccount)
        XCTAssertEqual(LoadBalancerLogDelivery(region: "ap-southeast-4"), .servicePrincipal)
        XCTAssertEqual(LoadBalancerLogDelivery(region: "mx-central-1"), .servicePrincipal)
    }
}
