package org.kerege.signature;

import io.quarkus.test.junit.QuarkusTest;
import org.kerege.devstack.testing.ServiceFoundationChecks;

@QuarkusTest
class FoundationTest extends ServiceFoundationChecks {
}
