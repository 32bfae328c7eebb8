// solidity-coverage settings for `npx hardhat coverage` (run by scripts/strength).
module.exports = {
  // The instrumented OptionVault is too deep for the legacy code generator ("stack too deep");
  // solidity-coverage's documented fix is the Yul optimizer with stack allocation.
  configureYulOptimizer: true,
  // Test doubles and the test token are not production code.
  skipFiles: ["test/", "TestToken.sol"],
  // Instrumentation inflates gas and bytecode, so the gas targets (test/gas.test.js, describe "gas")
  // and the EIP-170 sizes (test/size.test.js, describe "bytecode size") cannot hold.
  mocha: { grep: "^(gas|bytecode size) ", invert: true },
  // json-summary feeds the thresholds in scripts/strength; html is for reading.
  istanbulReporter: ["json-summary", "json", "html", "text"],
};
