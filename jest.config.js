module.exports = { testEnvironment: 'node', roots: ['<rootDir>/test'], transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] } };
