package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCsvTest {

    @Test
    void oneExactRowPerActivityOldestFirstAcrossVaults() {
        Amount tenWeth = Amount.of(BigInteger.TEN.pow(19), 18, "WETH");
        Amount shares = Amount.of(new BigInteger("9999999999999999999001"), 21, "vvWETH-CC");
        AccountView.Activity request = new AccountView.Activity("2026-01-01T00:00:00Z", 5, "0x78e4d65da74d96b2f0663bae9f6cca1c0f6ea43b5b6b39bd854d8283b6f984ee", "DepositRequest", tenWeth, 1L,
            new BigDecimal("1.000000000000000001"), shares, null);
        AccountView.Activity claim = new AccountView.Activity("2026-01-08T00:00:00Z", 9, "0xbb", "Deposit, claimed", shares, null, null, tenWeth, null);
        AccountView.Activity put = new AccountView.Activity("2026-01-02T00:00:00Z", 7, "0xcc", "RedeemRequest",
            Amount.of(BigInteger.valueOf(5), 9, "vvUSDC-CSP"), 2L, null, null, null);
        AccountView.Activity sent = new AccountView.Activity("2026-01-08T00:00:01Z", 10, "0xdd", "TransferOut",
            Amount.of(BigInteger.valueOf(3), 21, "vvWETH-CC"), null, null, Amount.of(BigInteger.TWO, 18, "WETH"), "0xb0b");
        Amount zero = Amount.of(BigInteger.ZERO, 18, "WETH");
        AccountView view = new AccountView("0xa11ce", "2026-01-09T00:00:00Z", List.of(
            new AccountView.Position("0xcall", "vvWETH-CC", shares, tenWeth, zero, zero, zero, zero, null,
                List.of(sent, claim, request), zero, zero, zero),
            new AccountView.Position("0xput", "vvUSDC-CSP", zero, zero, zero, zero, zero, zero, null, List.of(put), zero, zero, zero)));

        assertEquals(String.join("\n",
            "time_utc,block,tx,vault,vault_symbol,event,amount,amount_unit,round,round_price_per_share,converted,converted_unit,"
                + "counterparty",
            "2026-01-01T00:00:00Z,5,0x78e4d65da74d96b2f0663bae9f6cca1c0f6ea43b5b6b39bd854d8283b6f984ee,0xcall,vvWETH-CC,DepositRequest,10,WETH,1,1.000000000000000001,9.999999999999999999001,vvWETH-CC,",
            "2026-01-02T00:00:00Z,7,0xcc,0xput,vvUSDC-CSP,RedeemRequest,0.000000005,vvUSDC-CSP,2,,,,",
            "2026-01-08T00:00:00Z,9,0xbb,0xcall,vvWETH-CC,\"Deposit, claimed\",9.999999999999999999001,vvWETH-CC,,,10,WETH,",
            "2026-01-08T00:00:01Z,10,0xdd,0xcall,vvWETH-CC,TransferOut,0.000000000000000000003,vvWETH-CC,,,0.000000000000000002,WETH,0xb0b",
            ""), AccountCsv.of(view));
    }
}
