package org.kerege.payments.reconciliation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kerege.devstack.KeregeTestResource;

@QuarkusTest
class ReconciliationApiTest {

    static String bank(String id) {
        return KeregeTestResource.token("bank", "bank-app-" + id, Map.of("bank", id));
    }

    static String officer() {
        return KeregeTestResource.token("officer", "officer-7", Map.of("office", "ub-central"));
    }

    static String issueAndPay(String bankId, int years, long minor) {
        Response inv = given().header("Authorization", "Bearer " + officer()).contentType("application/json")
                .body("{\"feeCode\": \"mn.passport.extension\", \"options\": {\"years\": " + years + "}}").post("/v1/invoices");
        inv.then().statusCode(201);
        String code = inv.path("paymentCode");
        given().header("Authorization", "Bearer " + bank(bankId)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"amountMinor\": " + minor + ", \"currency\": \"MNT\", \"bankReference\": \"REF-" + code + "\"}")
                .post("/v1/bank/invoices/" + code + "/payments").then().statusCode(201);
        return code;
    }

    @Test
    void a_statement_is_matched_and_every_mismatch_listed_and_our_statement_exported() {
        String day = LocalDate.now(ZoneId.of("Asia/Ulaanbaatar")).toString();
        String a = issueAndPay("tengri", 1, 450000);   // 2000 on 1401001101 + 2500 on 1401002649
        String b = issueAndPay("tengri", 2, 650000);   // not in the statement
        issueAndPay("golomt", 1, 450000);              // another bank: not in tengri's reconciliation
        String csv = "date,payment_code,amount,currency,account,bank_reference\n"
                + day + "," + a + ",2000.00,MNT,1401001101,REF-" + a + "\n"
                + day + "," + a + ",2400.00,MNT,1401002649,REF-" + a + "\n"
                + day + ",ZZZZZZZZZ,10.00,MNT,1401001101,X-1\n";
        given().header("Authorization", "Bearer " + bank("tengri")).contentType("text/csv").body(csv)
                .post("/v1/reconciliation/statements").then().statusCode(201)
                .body("statementReceived", equalTo(true)).body("statementLines", equalTo(3)).body("ourLines", equalTo(4))
                .body("mismatches.size()", equalTo(4))
                .body("mismatches.find { it.kind == 'AMOUNT_DIFFERS' }.paymentCode", equalTo(a))
                .body("mismatches.find { it.kind == 'AMOUNT_DIFFERS' }.statementAmountMinor", equalTo(240000))
                .body("mismatches.find { it.kind == 'AMOUNT_DIFFERS' }.ourAmountMinor", equalTo(250000))
                .body("mismatches.find { it.kind == 'NOT_OURS' }.paymentCode", equalTo("ZZZZZZZZZ"))
                .body("mismatches.findAll { it.kind == 'MISSING_FROM_STATEMENT' }.paymentCode", equalTo(java.util.List.of(b, b)));
        given().header("Authorization", "Bearer " + KeregeTestResource.token("admin", "a", Map.of()))
                .get("/v1/reconciliation?date=" + day + "&bank=tengri").then().statusCode(200)
                .body("mismatches.size()", equalTo(4));
        given().header("Authorization", "Bearer " + bank("golomt")).get("/v1/reconciliation?date=" + day + "&bank=tengri")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + officer()).get("/v1/reconciliation/export?date=" + day + "&bank=tengri")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("date,payment_code,amount,currency,account,beneficiary,bank,bank_reference,payment_id\n"))
                .body(containsString(day + "," + a + ",2000.00,MNT,1401001101,ОӨУБЕГ,tengri,REF-" + a + ","))
                .body(containsString(day + "," + b + ",4000.00,MNT,1401001101,ОӨУБЕГ,tengri,REF-" + b + ","));
        given().header("Authorization", "Bearer " + officer()).get("/v1/reconciliation/export?date=" + day + "&account=1401002649")
                .then().statusCode(200).body(containsString(day + "," + a + ",2500.00,MNT,1401002649"))
                .body(not(containsString("1401001101")));
    }

    @Test
    void a_bad_statement_names_its_lines() {
        given().header("Authorization", "Bearer " + bank("tengri")).contentType("text/csv")
                .body("date,payment_code,amount,currency,account,bank_reference\n2026-11-21,AAA,1.001,MNT,1,x\n")
                .post("/v1/reconciliation/statements").then().statusCode(400)
                .body("type", equalTo("urn:kerege:problem:invalid-statement")).body("errors", hasKey("line 2"));
        given().header("Authorization", "Bearer " + officer()).get("/v1/reconciliation/export?date=2026-11-21").then()
                .statusCode(400);
    }
}
