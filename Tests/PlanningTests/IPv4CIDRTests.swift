import Questionnaire
import XCTest

final class IPv4CIDRTests: XCTestCase {
    func testParsesAndPrints() {
        XCTAssertEqual(IPv4CIDR("10.1.0.0/16")?.description, "10.1.0.0/16")
        XCTAssertEqual(IPv4CIDR("192.168.240.0/20")?.prefixLength, 20)
    }

    func testRejectsMalformedAndHostBits() {
        for text in [
            "10.1.0.1/16", "10.1.0.0", "10.1.0/16", "256.0.0.0/8", "10.01.0.0/16", "10.1.0.0/33", "a.b.c.d/8",
            "10.1.0.0/-1", "",
        ] {
            XCTAssertNil(IPv4CIDR(text), text)
        }
    }

    func testSubnetMatchesTerraformCidrsubnet() {
        // cidrsubnet("10.1.0.0/16", 3, 6) = "10.1.192.0/19"; cidrsubnet("10.1.192.0/19", 3, 2) = "10.1.200.0/22"
        let vpc = IPv4CIDR("10.1.0.0/16")!
        XCTAssertEqual(vpc.subnet(newBits: 3, index: 6).description, "10.1.192.0/19")
        XCTAssertEqual(vpc.subnet(newBits: 3, index: 6).subnet(newBits: 3, index: 2).description, "10.1.200.0/22")
    }

    func testContainmentAndPrivateRanges() {
        XCTAssertTrue(IPv4CIDR("10.0.0.0/8")!.contains(IPv4CIDR("10.200.0.0/16")!))
        XCTAssertFalse(IPv4CIDR("10.1.0.0/16")!.overlaps(IPv4CIDR("10.2.0.0/16")!))
        XCTAssertTrue(IPv4CIDR("10.1.0.0/16")!.overlaps(IPv4CIDR("10.1.128.0/20")!))
        XCTAssertTrue(IPv4CIDR("172.31.0.0/16")!.isPrivate)
        XCTAssertFalse(IPv4CIDR("172.32.0.0/16")!.isPrivate)
        XCTAssertFalse(IPv4CIDR("8.8.0.0/16")!.isPrivate)
    }
}
