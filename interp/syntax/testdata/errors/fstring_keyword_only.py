f'{if}'
