package org.kerege.requirements;

import io.quarkus.test.junit.QuarkusTest;
import org.kerege.devstack.testing.ServiceFoundationChecks;

@QuarkusTest
class FoundationTest extends ServiceFoundationChecks {
}
