package org.kerege.requirements;

import io.quarkus.test.common.QuarkusTestResource;
import org.kerege.devstack.KeregeTestResource;

/** Every Quarkus test of this module runs against real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(KeregeTestResource.class)
public class TestInfrastructure {
}
