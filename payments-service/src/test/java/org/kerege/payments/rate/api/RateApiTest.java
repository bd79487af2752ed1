package org.kerege.payments.rate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;

/** Rates as dated reference data, and the return certificate invoiced in roubles at the day's rate. */
@QuarkusTest
class RateApiTest {

    static String admin() {
        return KeregeTestResource.token("admin", "admin-1", Map.of());
    }

    static String officer() {
        return KeregeTestResource.token("officer", "officer-1", Map.of("office", "kg-consulate-ny"));
    }

    static Response putRates(String token, String date, String body) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .put("/v1/rates/" + date);
    }

    static Response issueReturnCertificate() {
        return given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                .body("{\"feeCode\": \"kg.return-certificate\"}").post("/v1/invoices");
    }

    @Test
    void the_return_certificate_is_refused_without_the_days_rate_then_invoiced_in_roubles_until_the_day_ends() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bishkek"));
        issueReturnCertificate().then().statusCode(422)
                .body("type", equalTo("urn:kerege:problem:exchange-rate-unavailable"));
        putRates(admin(), today.toString(), """
                {"source": "CBR", "base": "RUB", "rates": [
                  {"currency": "USD", "nominal": 1, "value": "92.5000"},
                  {"currency": "KGS", "nominal": 100, "value": "105.7312"}]}""")
                .then().statusCode(200).body("size()", equalTo(2));
        Response r = issueReturnCertificate();
        // 25.00 USD (configuration) × 92.5000 RUB = 2312.50 RUB
        r.then().statusCode(201).body("currency", equalTo("RUB")).body("totalMinor", equalTo(231250))
                .body("total", equalTo("2312.50")).body("lines[0].amountMinor", equalTo(231250));
        Instant expires = Instant.parse(r.path("expiresAt"));
        Instant endOfDay = today.plusDays(1).atStartOfDay(ZoneId.of("Asia/Bishkek")).toInstant();
        assertTrue(!expires.isAfter(endOfDay), expires + " after " + endOfDay);
        assertTrue(r.path("qrPayload").toString().contains("5303643"), "QR currency is RUB (643)");
    }

    @Test
    void rates_are_never_overwritten_and_a_retry_of_the_same_import_is_accepted() {
        String body = """
                {"source": "CBR", "base": "RUB", "rates": [{"currency": "EUR", "nominal": 1, "value": "100.1234"}]}""";
        putRates(admin(), "2030-01-10", body).then().statusCode(200).body("[0].value", equalTo("100.1234"));
        putRates(admin(), "2030-01-10", body).then().statusCode(200);
        putRates(admin(), "2030-01-10", body.replace("100.1234", "99.0")).then().statusCode(409)
                .body("type", equalTo("urn:kerege:problem:rate-exists"));
        given().get("/v1/rates/2030-01-10").then().statusCode(200).body("[0].currency", equalTo("EUR"))
                .body("[0].nominal", equalTo(1));
    }

    @Test
    void only_admins_import_and_bad_figures_name_the_field() {
        String body = """
                {"source": "CBR", "base": "RUB", "rates": [{"currency": "USD", "nominal": 1, "value": "92.5"}]}""";
        putRates(officer(), "2030-02-01", body).then().statusCode(403);
        putRates(admin(), "2030-02-30", body).then().statusCode(400).body("errors", hasKey("date"));
        putRates(admin(), "2030-02-01", body.replace("92.5", "-1")).then().statusCode(400);
        putRates(admin(), "2030-02-01", body.replace("\"USD\"", "\"XYZ\"")).then().statusCode(400);
        putRates(admin(), "2030-02-01", body.replace("\"USD\"", "\"RUB\"")).then().statusCode(400);
    }
}
