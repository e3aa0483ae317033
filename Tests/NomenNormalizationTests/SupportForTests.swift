@_exported import NomenTestSupport
